import { SigV4RequestError } from '../errors';
import { createSigner } from '../signing/signer';
import { appSyncApiUrl, appSyncRealtimeUrl } from './apiUrl';
import { appSyncAuthorization } from './appsyncAuthorization';
import { base64UrlOfText } from './base64';
import {
  APPSYNC_SERVICE,
  CONNECT_BODY,
  EVENTS_WS_PROTOCOL,
  HEADER_PROTOCOL_PREFIX,
  MAX_EVENTS_PER_PUBLISH,
} from './constants';
import type {
  AppSyncEventsPublishMessage,
  AppSyncEventsSubscribeMessage,
  RealtimeConnection,
  RealtimeSigningOptions,
} from './types';

/** Signs what an AppSync Events client sends: the connection, `subscribe` and `publish`. */
export interface AppSyncEventsSigner {
  /**
   * The real-time URL (`/event/realtime`) and the subprotocols: `aws-appsync-event-ws`, then
   * `header-` and the base64url of the headers signed for a POST of `{}` to the API's `/event`.
   * Sign afresh for each connection: AppSync refuses a signature more than 5 minutes old.
   */
  connection(): Promise<RealtimeConnection>;
  /**
   * A `subscribe` message, its `authorization` signed over `{"channel": channel}`.
   * @param id - unique on the connection; `data` messages of this subscription carry it
   * @param channel - e.g. `/default/orders`, or `/default/*` for every channel below it
   */
  subscribe(id: string, channel: string): Promise<AppSyncEventsSubscribeMessage>;
  /**
   * A `publish` message of one to five events (each sent as its JSON text), its `authorization`
   * signed over `{"channel": channel, "events": [...]}`.
   */
  publish(
    id: string,
    channel: string,
    events: readonly unknown[],
  ): Promise<AppSyncEventsPublishMessage>;
}

function checkChannel(channel: unknown, url: URL): asserts channel is string {
  if (typeof channel === 'string' && channel.trim() !== '') return;
  throw new SigV4RequestError(
    'INVALID_REQUEST',
    `Invalid AppSync Events channel ${JSON.stringify(channel)}`,
    'pass a channel path such as /default/orders (namespace first)',
    { method: 'POST', url },
  );
}

function eventTexts(events: readonly unknown[], url: URL): string[] {
  const count = Array.isArray(events) ? events.length : 0;
  if (count < 1 || count > MAX_EVENTS_PER_PUBLISH) {
    throw new SigV4RequestError(
      'INVALID_REQUEST',
      `Cannot publish ${count} events in one message`,
      `pass 1 to ${MAX_EVENTS_PER_PUBLISH} events (AppSync Events' limit per publish)`,
      { method: 'POST', url },
    );
  }
  return events.map((event) => JSON.stringify(event) ?? 'null');
}

/**
 * Signs the IAM handshake and messages of AppSync Events for the WebSocket client you already
 * have. Shapes: "Understanding the Event API WebSocket protocol" and "Publish events via
 * WebSocket" in the AppSync Events guide: the authorization travels in a subprotocol entry
 * (`header-` + base64url without padding), and each `subscribe`/`publish` carries its own.
 * @param eventUrl - the API's HTTP endpoint, e.g. `https://<id>.appsync-api.<region>.amazonaws.com/event`
 * @example
 * const events = createAppSyncEventsSigner('https://abc.appsync-api.eu-west-1.amazonaws.com/event');
 * const { url, protocols } = await events.connection();
 * const socket = new WebSocket(url, protocols);
 * socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
 * // after `connection_ack`:
 * socket.send(JSON.stringify(await events.subscribe('sub-1', '/default/orders')));
 * socket.send(JSON.stringify(await events.publish('pub-1', '/default/orders', [{ id: 1 }])));
 */
export function createAppSyncEventsSigner(
  eventUrl: string | URL,
  options: RealtimeSigningOptions = {},
): AppSyncEventsSigner {
  const api = appSyncApiUrl(eventUrl, 'event');
  const realtime = appSyncRealtimeUrl(api, 'event');
  const signer = createSigner({ ...options, service: APPSYNC_SERVICE });
  return {
    async connection() {
      const header = await appSyncAuthorization(signer, api, CONNECT_BODY);
      const entry = `${HEADER_PROTOCOL_PREFIX}${base64UrlOfText(JSON.stringify(header))}`;
      return { url: realtime.href, protocols: [EVENTS_WS_PROTOCOL, entry] };
    },
    async subscribe(id, channel) {
      checkChannel(channel, api);
      const authorization = await appSyncAuthorization(signer, api, JSON.stringify({ channel }));
      return { type: 'subscribe', id, channel, authorization };
    },
    async publish(id, channel, events) {
      checkChannel(channel, api);
      const texts = eventTexts(events, api);
      const body = JSON.stringify({ channel, events: texts });
      const authorization = await appSyncAuthorization(signer, api, body);
      return { type: 'publish', id, channel, events: texts, authorization };
    },
  };
}
