/**
 * The two WebSocket clients the real-time handshakes must work with: the platform's (the WHATWG
 * WebSocket of browsers and Node 22+, which Node 20 only has through undici) and the `ws`
 * package. Both are driven through the same WHATWG-style API; messages are collected so a test
 * can wait, bounded, for the one it expects.
 */
import { WebSocket as UndiciWebSocket } from 'undici';
import WsWebSocket from 'ws';

/** A WebSocket class with the WHATWG constructor and events. */
export type WebSocketClass = new (url: string, protocols?: string | string[]) => WebSocket;

/** The platform's WebSocket: global where the runtime has one (Node 22+), else undici's. */
const platformWebSocket = ((globalThis as { WebSocket?: unknown }).WebSocket ??
  UndiciWebSocket) as unknown as WebSocketClass;

/** Both clients, for `describe.each`. */
export const CLIENTS: ReadonlyArray<[string, WebSocketClass]> = [
  ['the platform WebSocket', platformWebSocket],
  ['ws', WsWebSocket as unknown as WebSocketClass],
];

const WAIT_MS = 5000;

/** An open connection and everything it has received. */
export interface OpenSocket {
  /** The subprotocol the server selected. */
  readonly protocol: string;
  /** Text messages, parsed as JSON, in order. */
  readonly messages: Array<Record<string, unknown>>;
  /** Binary messages, in order. */
  readonly binary: Uint8Array[];
  send(data: string | Uint8Array): void;
  /** The first message (already received or to come) that matches, within 5 s. */
  next(match: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** The binary messages once there are at least `count`, within 5 s. */
  binaries(count: number): Promise<Uint8Array[]>;
  /** Resolves with the close code once the connection is closed. */
  readonly closed: Promise<number>;
  close(): void;
}

/** Opens a connection; rejects when it fails or closes before opening. */
export function open(
  Client: WebSocketClass,
  url: string,
  protocols: string[] = [],
): Promise<OpenSocket> {
  const socket = new Client(url, protocols);
  socket.binaryType = 'arraybuffer';
  const messages: Array<Record<string, unknown>> = [];
  const binary: Uint8Array[] = [];
  const listeners = new Set<() => void>();
  socket.addEventListener('message', (event: MessageEvent) => {
    if (typeof event.data === 'string') messages.push(JSON.parse(event.data));
    else binary.push(new Uint8Array(event.data as ArrayBuffer));
    for (const listener of listeners) listener();
  });
  const closed = new Promise<number>((resolve) =>
    socket.addEventListener('close', (event: CloseEvent) => resolve(event.code)),
  );
  const waitFor = <T>(find: () => T | undefined, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no ${what} within ${WAIT_MS} ms; got ${JSON.stringify(messages)}`));
      }, WAIT_MS);
      listeners.add(check);
      check();
    });
  return new Promise((resolve, reject) => {
    socket.addEventListener('error', () => reject(new Error(`${url} failed to open`)));
    socket.addEventListener('open', () =>
      resolve({
        protocol: socket.protocol,
        messages,
        binary,
        send: (data) => socket.send(data),
        next: (match) => waitFor(() => messages.find(match), 'matching message'),
        binaries: (count) =>
          waitFor(() => (binary.length >= count ? binary : undefined), `${count} binary messages`),
        closed,
        close: () => socket.close(),
      }),
    );
  });
}

/** A matcher for `next`: the message of this type (and id). */
export const ofType =
  (type: string, id?: string) =>
  (message: Record<string, unknown>): boolean =>
    message.type === type && (id === undefined || message.id === id);
