/**
 * The public shapes of the real-time signers: what the user's own WebSocket client is given.
 * Imports only the shared option types.
 */
import type { SigV4Options } from '../types';

/**
 * Options of the real-time signers: those of {@link SigV4Options} that apply. The service is
 * fixed by the protocol (`appsync`, `iotdevicegateway`); the region is inferred from an AWS host
 * name and must be given for a custom domain.
 */
export type RealtimeSigningOptions = Pick<
  SigV4Options,
  'region' | 'credentials' | 'assumeRole' | 'debug' | 'refreshMarginMs'
>;

/** What to open a WebSocket with: `new WebSocket(url, protocols)` (browsers, Node 22+, `ws`). */
export interface RealtimeConnection {
  /** The `wss://` URL (`ws://` for an `http://` API, as a local test server is). */
  readonly url: string;
  /** The subprotocols to request, in order. */
  readonly protocols: string[];
}

/**
 * The headers AppSync verifies for IAM, as its real-time protocol carries them (in the connection
 * `header`, and in each message's `authorization`): signed for a POST to the API.
 */
export interface AppSyncIamAuthorization {
  /** Always `application/json, text/javascript`. */
  readonly accept: string;
  /** Always `amz-1.0`. */
  readonly 'content-encoding': string;
  /** Always `application/json; charset=UTF-8`. */
  readonly 'content-type': string;
  /** The API's HTTP host (`<id>.appsync-api.<region>.amazonaws.com` or the custom domain). */
  readonly host: string;
  /** The signing time, `yyyymmddThhmmssZ`. */
  readonly 'x-amz-date': string;
  /** The session token of temporary credentials. */
  readonly 'X-Amz-Security-Token'?: string;
  /** `AWS4-HMAC-SHA256 Credential=.../appsync/aws4_request, SignedHeaders=..., Signature=...` */
  readonly Authorization: string;
}

/** A GraphQL subscription, as the `start` message's `data` carries it. */
export interface GraphqlSubscription {
  /** The subscription document, e.g. `subscription OnCreateMessage { onCreateMessage { id } }`. */
  readonly query: string;
  /** Its variables. @default {} */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** The operation to run when the document holds several. */
  readonly operationName?: string;
}

/** The `start` message of an AppSync GraphQL subscription: send it as JSON. */
export interface AppSyncStartMessage {
  /** The subscription's id, unique on the connection; `data`, `error`, `complete` carry it back. */
  readonly id: string;
  /** Always `'start'`. */
  readonly type: 'start';
  /** The subscription and its authorization. */
  readonly payload: {
    /** The JSON of `{ query, variables, operationName? }`, exactly as signed. */
    readonly data: string;
    /** The IAM authorization of this subscription. */
    readonly extensions: {
      /** Headers signed for a POST of `data` to the API's `/graphql`. */
      readonly authorization: AppSyncIamAuthorization;
    };
  };
}

/** The `subscribe` message of AppSync Events: send it as JSON. */
export interface AppSyncEventsSubscribeMessage {
  /** Always `'subscribe'`. */
  readonly type: 'subscribe';
  /** The subscription's id; `data` messages carry it back. */
  readonly id: string;
  /** The channel path, e.g. `/default/orders` (`/*` at the end for every sub-channel). */
  readonly channel: string;
  /** IAM authorization signed over `{"channel": ...}`. */
  readonly authorization: AppSyncIamAuthorization;
}

/** The `publish` message of AppSync Events: send it as JSON. */
export interface AppSyncEventsPublishMessage {
  /** Always `'publish'`. */
  readonly type: 'publish';
  /** The message's id; `publish_success` or `publish_error` carries it back. */
  readonly id: string;
  /** The channel path, e.g. `/default/orders`. */
  readonly channel: string;
  /** Each event as JSON text. */
  readonly events: string[];
  /** IAM authorization signed over `{"channel": ..., "events": [...]}`. */
  readonly authorization: AppSyncIamAuthorization;
}

/** Options of {@link presignIotMqtt}. */
export interface IotMqttPresignOptions extends RealtimeSigningOptions {
  /**
   * Seconds the URL may be used to connect, 1 to 604800; an open connection is not cut when it
   * passes. A client that reconnects by itself (mqtt.js) needs a fresh URL each time.
   * @default 900
   */
  readonly expiresIn?: number;
}
