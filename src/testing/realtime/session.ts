import type { ResolvedVerifyOptions } from '../verifier/options';
import type { RealtimeMessageRecord, VerifyResult } from '../types';
import { appSyncErrorOf, type AppSyncError } from './appsyncAuthorization';
import type { WebSocketPeer, WebSocketSession } from './connection';
import type { RealtimeHub } from './hub';

/** What every AppSync session of one endpoint shares. @internal */
export interface AppSyncContext {
  /** The verifier's options, service `appsync`. */
  settings: ResolvedVerifyOptions;
  hub: RealtimeHub;
  /** Every verified message, in order (the endpoint's `realtime.messages`). */
  messages: RealtimeMessageRecord[];
  keepAliveMs: number;
}

/** One connection's verdict on its handshake and the API host it verifies against. @internal */
export interface AppSyncConnect {
  verdict: VerifyResult;
  apiHost: string;
  /** A refusal that is not about the signature (a missing subprotocol). */
  error?: AppSyncError;
}

/** Parses a client message: an object with a string `type`, or undefined. @internal */
function parseMessage(text: string): (Record<string, unknown> & { type: string }) | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const type = (value as { type?: unknown } | null)?.type;
    return typeof type === 'string'
      ? (value as Record<string, unknown> & { type: string })
      : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the keep-alive messages of a connection; returns the function that stops them. @internal */
function keepAlive(peer: WebSocketPeer, periodMs: number): () => void {
  const ka = () => peer.sendText(JSON.stringify({ type: 'ka' }));
  ka();
  const timer = setInterval(ka, periodMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** How one AppSync protocol differs from the other around the messages it verifies. @internal */
export interface AppSyncProtocol {
  /** The `connection_error` message for a refused handshake. */
  refusal(error: AppSyncError): object;
  /** The `connection_ack` message. */
  readonly ack: object;
  /** Every other message of the client. */
  onMessage(peer: WebSocketPeer, message: Record<string, unknown> & { type: string }): void;
}

/**
 * The part AppSync GraphQL and Events share: a refused handshake gets `connection_error` and a
 * close; `connection_init` gets `connection_ack`, then keep-alives; the end of the connection
 * drops its subscriptions.
 * @internal
 */
export function appSyncSession(
  context: AppSyncContext,
  connect: AppSyncConnect,
  protocol: AppSyncProtocol,
) {
  return (peer: WebSocketPeer): WebSocketSession => {
    const error =
      connect.error ?? (connect.verdict.ok ? undefined : appSyncErrorOf(connect.verdict));
    if (error) {
      peer.sendText(JSON.stringify(protocol.refusal(error)));
      peer.close();
      return {};
    }
    let stopKeepAlive = () => {};
    return {
      onText(text) {
        const message = parseMessage(text);
        if (message?.type !== 'connection_init') {
          if (message) protocol.onMessage(peer, message);
          return;
        }
        peer.sendText(JSON.stringify(protocol.ack));
        stopKeepAlive();
        stopKeepAlive = keepAlive(peer, context.keepAliveMs);
      },
      onEnd() {
        stopKeepAlive();
        context.hub.remove(peer);
      },
    };
  };
}
