import { appSyncErrorOf, verifyAuthorization } from './appsyncAuthorization';
import type { WebSocketPeer } from './connection';
import { CONNECTION_TIMEOUT_MS, EVENTS_PATH, MAX_EVENTS_PER_PUBLISH } from './constants';
import { publishedEvents } from './hub';
import { appSyncSession, type AppSyncConnect, type AppSyncContext } from './session';

/**
 * AppSync Events' real-time protocol ("Understanding the Event API WebSocket protocol"):
 * `subscribe` is verified over `{"channel"}` and `publish` over `{"channel","events"}` (POSTs to
 * `/event`), each answered `*_success` or `*_error`; a verified publish reaches every
 * subscription whose channel covers it, this connection's included; `unsubscribe` is answered.
 */

/** 1 to 5 events, each JSON text. @internal */
export const isEventList = (value: unknown): value is string[] =>
  Array.isArray(value) &&
  value.length >= 1 &&
  value.length <= MAX_EVENTS_PER_PUBLISH &&
  value.every((event) => typeof event === 'string');

const INVALID_EVENTS = {
  errorType: 'BadRequestException',
  message: `Publish 1 to ${MAX_EVENTS_PER_PUBLISH} events, each as JSON text`,
};

function handle(
  context: AppSyncContext,
  apiHost: string,
  peer: WebSocketPeer,
  message: Record<string, unknown>,
) {
  const type = String(message.type);
  const id = String(message.id ?? '');
  const channel = String(message.channel ?? '');
  const { events } = message;
  const body = JSON.stringify(type === 'publish' ? { channel, events } : { channel });
  const request = { apiHost, path: EVENTS_PATH, body };
  const result = verifyAuthorization(message.authorization, context.settings, request);
  context.messages.push({ protocol: 'events', type, id, result });
  if (!result.ok || (type === 'publish' && !isEventList(events))) {
    const error = result.ok ? INVALID_EVENTS : appSyncErrorOf(result);
    peer.sendText(JSON.stringify({ type: `${type}_error`, id, errors: [error] }));
  } else if (type === 'subscribe') {
    context.hub.add({ kind: 'events', peer, id, channel });
    peer.sendText(JSON.stringify({ type: 'subscribe_success', id }));
  } else {
    const successful = publishedEvents((events as string[]).length);
    peer.sendText(JSON.stringify({ type: 'publish_success', id, successful, failed: [] }));
    context.hub.publishEvents(channel, events as string[]);
  }
}

/** The session of one Events connection. @internal */
export function eventsSession(context: AppSyncContext, connect: AppSyncConnect) {
  return appSyncSession(context, connect, {
    refusal: (error) => ({ type: 'connection_error', errors: [error] }),
    ack: { type: 'connection_ack', connectionTimeoutMs: CONNECTION_TIMEOUT_MS },
    onMessage(peer, message) {
      if (message.type === 'subscribe' || message.type === 'publish') {
        handle(context, connect.apiHost, peer, message);
      } else if (message.type === 'unsubscribe') {
        context.hub.remove(peer, String(message.id ?? ''));
        peer.sendText(JSON.stringify({ type: 'unsubscribe_success', id: message.id }));
      }
    },
  });
}
