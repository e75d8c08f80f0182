import { appSyncErrorOf, verifyAuthorization } from './appsyncAuthorization';
import type { WebSocketPeer } from './connection';
import { CONNECTION_TIMEOUT_MS, GRAPHQL_PATH } from './constants';
import { appSyncSession, type AppSyncConnect, type AppSyncContext } from './session';

/**
 * AppSync GraphQL's real-time protocol ("Building a real-time WebSocket client in AWS AppSync"):
 * each `start` is verified over a POST of its `data` to `/graphql` and gets `start_ack` or an
 * `error`; `stop` gets `complete`. Subscriptions receive `data` when the endpoint publishes.
 */

/** The subscription document of a start's `data`; '' when it is not the JSON AppSync expects. */
function queryOf(data: string): string {
  try {
    const { query } = JSON.parse(data) as { query?: unknown };
    return typeof query === 'string' ? query : '';
  } catch {
    return '';
  }
}

type StartPayload = { data?: unknown; extensions?: { authorization?: unknown } } | undefined;

function start(
  context: AppSyncContext,
  apiHost: string,
  peer: WebSocketPeer,
  id: string,
  payload: StartPayload,
) {
  const data = typeof payload?.data === 'string' ? payload.data : '';
  const request = { apiHost, path: GRAPHQL_PATH, body: data };
  const result = verifyAuthorization(payload?.extensions?.authorization, context.settings, request);
  context.messages.push({ protocol: 'graphql', type: 'start', id, result });
  if (!result.ok) {
    const { errorType, message } = appSyncErrorOf(result);
    peer.sendText(
      JSON.stringify({ id, type: 'error', payload: { errors: [{ errorType, message }] } }),
    );
    return;
  }
  context.hub.add({ kind: 'graphql', peer, id, query: queryOf(data) });
  peer.sendText(JSON.stringify({ id, type: 'start_ack' }));
}

/** The session of one GraphQL connection. @internal */
export function graphqlSession(context: AppSyncContext, connect: AppSyncConnect) {
  return appSyncSession(context, connect, {
    refusal: (error) => ({ type: 'connection_error', payload: { errors: [error] } }),
    ack: { type: 'connection_ack', payload: { connectionTimeoutMs: CONNECTION_TIMEOUT_MS } },
    onMessage(peer, message) {
      const id = String(message.id ?? '');
      if (message.type === 'start') {
        start(context, connect.apiHost, peer, id, message.payload as StartPayload);
      } else if (message.type === 'stop') {
        context.hub.remove(peer, id);
        peer.sendText(JSON.stringify({ id, type: 'complete' }));
      }
    },
  });
}
