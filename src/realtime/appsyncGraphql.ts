import { createSigner } from '../signing/signer';
import { encodeQueryComponent } from '../signing/wireUrl';
import { appSyncApiUrl, appSyncRealtimeUrl } from './apiUrl';
import { appSyncAuthorization } from './appsyncAuthorization';
import { base64OfText } from './base64';
import {
  APPSYNC_SERVICE,
  CONNECT_BODY,
  GRAPHQL_CONNECT_SUFFIX,
  GRAPHQL_WS_PROTOCOL,
} from './constants';
import type {
  AppSyncStartMessage,
  GraphqlSubscription,
  RealtimeConnection,
  RealtimeSigningOptions,
} from './types';

/** Signs what an AppSync GraphQL subscription client sends: the connection and each `start`. */
export interface AppSyncRealtimeSigner {
  /**
   * The connection URL, signed now: the real-time endpoint with its `header` (base64 of the JSON
   * of the headers signed for a POST of `{}` to the API's `/graphql/connect`) and `payload`
   * (base64 of `{}`) query parameters, and the `graphql-ws` subprotocol. Sign afresh for each
   * connection: AppSync refuses a signature more than 5 minutes old.
   */
  connection(): Promise<RealtimeConnection>;
  /**
   * The `start` message of a subscription, its `authorization` extension signed for a POST of the
   * subscription's `data` to the API's `/graphql`.
   * @param id - unique on the connection (a UUID); AppSync's answers carry it
   */
  start(id: string, subscription: GraphqlSubscription): Promise<AppSyncStartMessage>;
}

/** The subscription's `data`: the JSON AppSync parses and verifies the signature over. */
function subscriptionData({ query, variables = {}, operationName }: GraphqlSubscription): string {
  return JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) });
}

/**
 * Signs the IAM handshake of AppSync GraphQL subscriptions for the WebSocket client you already
 * have (the browser's, Node 22's, `ws`): no client of this package, the same signer, credential
 * cache and clock correction as every request. Shapes: "Building a real-time WebSocket client in
 * AWS AppSync" (handshake, IAM header, start message). Custom domains work as the API URL: their
 * real-time endpoint is `wss://<domain>/graphql/realtime`, and `region` must then be given.
 * @param graphqlUrl - the API's HTTP endpoint, e.g. `https://<id>.appsync-api.<region>.amazonaws.com/graphql`
 * @example
 * const appsync = createAppSyncRealtimeSigner('https://abc.appsync-api.eu-west-1.amazonaws.com/graphql');
 * const { url, protocols } = await appsync.connection();
 * const socket = new WebSocket(url, protocols);
 * socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
 * // after `connection_ack`:
 * const query = 'subscription OnCreateMessage { onCreateMessage { id text } }';
 * socket.send(JSON.stringify(await appsync.start(crypto.randomUUID(), { query })));
 */
export function createAppSyncRealtimeSigner(
  graphqlUrl: string | URL,
  options: RealtimeSigningOptions = {},
): AppSyncRealtimeSigner {
  const api = appSyncApiUrl(graphqlUrl, 'graphql');
  const realtime = appSyncRealtimeUrl(api, 'graphql');
  const signer = createSigner({ ...options, service: APPSYNC_SERVICE });
  const connectUrl = new URL(`${api.origin}${api.pathname}${GRAPHQL_CONNECT_SUFFIX}`);
  return {
    async connection() {
      const header = await appSyncAuthorization(signer, connectUrl, CONNECT_BODY);
      const query = [
        `header=${encodeQueryComponent(base64OfText(JSON.stringify(header)))}`,
        `payload=${encodeQueryComponent(base64OfText(CONNECT_BODY))}`,
      ];
      return { url: `${realtime.href}?${query.join('&')}`, protocols: [GRAPHQL_WS_PROTOCOL] };
    },
    async start(id, subscription) {
      const data = subscriptionData(subscription);
      const authorization = await appSyncAuthorization(signer, api, data);
      return { id, type: 'start', payload: { data, extensions: { authorization } } };
    },
  };
}
