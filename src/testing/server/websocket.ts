import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  CONTENT_TYPE_HEADER,
  INTERNAL_SERVER_ERROR_MESSAGE,
  JSON_CONTENT_TYPE,
} from '../constants';
import { firstHeader } from '../verifier/canonical/rawHeaders';
import type { RawRequest } from '../types';
import { runConnection, type WebSocketPeer, type WebSocketSession } from '../realtime/connection';
import { closeFrame, responseHead, textFrame, websocketAccept } from './websocketFrames';

/**
 * WebSocket `$connect` as an API Gateway WebSocket API with IAM authorization answers it: the
 * upgrade request (presigned URL or signed headers) is verified like any request; a verified one
 * completes the RFC 6455 handshake, receives one text frame (the 200 body: the verified echo) and
 * a normal close; any other answer is sent as a plain HTTP response (the 403 and its JSON) with
 * no upgrade. A real-time route (AppSync, IoT Core) instead selects its subprotocol and runs a
 * session on the connection (realtime/connection.ts). Built on node:http's 'upgrade' event and
 * node:crypto only.
 */

/** What the endpoint decides for an upgrade request. @internal */
export interface UpgradeAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** The subprotocol selected (`Sec-WebSocket-Protocol` of the 101), if any. */
  protocol?: string;
  /** Runs the connection after the 101, instead of `$connect`'s echo and close. */
  session?: (peer: WebSocketPeer) => WebSocketSession;
}

/** The status a `$connect` answered `status` really sends: 101 for a 2XX, else the same. @internal */
export function upgradeStatus(status: number): number {
  return status >= 200 && status < 300 ? 101 : status;
}

/** How long a closed connection may wait for the client's close frame before it is dropped. */
const CLOSE_GRACE_MS = 1000;

/** The RFC 6455 §4.2.1 requirements a handshake misses, or `undefined` when it is valid. */
function handshakeProblem(raw: RawRequest): string | undefined {
  const header = (name: string): string => firstHeader(raw.rawHeaders, name)?.trim() ?? '';
  if (raw.method !== 'GET') return 'a WebSocket handshake must be a GET';
  if (!/(^|,)\s*websocket\s*(,|$)/i.test(header('upgrade')))
    return "'Upgrade: websocket' is required";
  if (header('sec-websocket-version') !== '13') return "'Sec-WebSocket-Version: 13' is required";
  const key = header('sec-websocket-key');
  const validKey = /^[A-Za-z0-9+/]{22}==$/.test(key) && Buffer.from(key, 'base64').length === 16;
  return validKey ? undefined : "'Sec-WebSocket-Key' must be 16 random bytes in base64";
}

function sendHttp(socket: Duplex, answer: UpgradeAnswer, now: Date): void {
  const head = responseHead(answer.status, {
    ...answer.headers,
    date: now.toUTCString(),
    'content-length': answer.body.byteLength,
    connection: 'close',
  });
  socket.end(Buffer.concat([Buffer.from(head, 'latin1'), answer.body]));
}

function sendAccepted(socket: Duplex, raw: RawRequest, answer: UpgradeAnswer, now: Date): void {
  const key = firstHeader(raw.rawHeaders, 'sec-websocket-key')?.trim() ?? '';
  const head = responseHead(101, {
    upgrade: 'websocket',
    connection: 'Upgrade',
    'sec-websocket-accept': websocketAccept(key),
    ...(answer.protocol ? { 'sec-websocket-protocol': answer.protocol } : {}),
    date: now.toUTCString(),
  });
  socket.write(head, 'latin1');
  if (answer.session) {
    runConnection(socket, answer.session);
    return;
  }
  socket.write(textFrame(answer.body));
  socket.end(closeFrame());
  // The client answers with its own close frame: read and drop it, then let the socket go.
  socket.resume();
  setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
}

/**
 * Handles every upgrade request of `server`. `decide` verifies and records the request and
 * returns the answer; a 2XX answer completes the handshake, anything else is written as is.
 * Returns a function that drops every upgraded connection (for `close()`).
 * @internal
 */
export function acceptWebSockets(
  server: Server,
  decide: (raw: RawRequest) => UpgradeAnswer,
  now: () => Date,
): () => void {
  const sockets = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const raw: RawRequest = {
      method: req.method ?? '',
      rawUrl: req.url ?? '',
      rawHeaders: [...req.rawHeaders],
      body: new Uint8Array(),
    };
    const problem = handshakeProblem(raw);
    const json = (message: string): Uint8Array => Buffer.from(JSON.stringify({ message }), 'utf8');
    const jsonHeaders = { [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE };
    if (problem !== undefined) {
      sendHttp(socket, { status: 400, headers: jsonHeaders, body: json(problem) }, now());
      return;
    }
    try {
      const answer = decide(raw);
      if (upgradeStatus(answer.status) === 101) sendAccepted(socket, raw, answer, now());
      else sendHttp(socket, answer, now());
    } catch {
      const failure = {
        status: 500,
        headers: jsonHeaders,
        body: json(INTERNAL_SERVER_ERROR_MESSAGE),
      };
      sendHttp(socket, failure, now());
    }
  });
  return () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
}
