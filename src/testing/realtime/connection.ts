import type { Duplex } from 'node:stream';
import { CLOSE_NORMAL, closeFrame, encodeFrame, textFrame } from '../server/websocketFrames';
import { createFrameReader, FrameError } from './frameReader';

/**
 * A full-duplex WebSocket connection on the server side, after a 101: client frames are read and
 * handed to the session as messages; ping is answered with pong; close is answered and ends the
 * connection. RFC 6455 §5.5 and §7.
 */

const OPCODE = { text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;
/** How long a closed connection may wait for the client's close frame before it is dropped. */
const CLOSE_GRACE_MS = 1000;

/** The server's end of one connection, as a session uses it. @internal */
export interface WebSocketPeer {
  sendText(text: string): void;
  sendBinary(bytes: Uint8Array): void;
  /** Sends a close frame and ends the connection. */
  close(code?: number): void;
}

/** What a protocol does with a connection's messages. @internal */
export interface WebSocketSession {
  onText?(text: string): void;
  onBinary?(bytes: Buffer): void;
  /** The connection ended, however: release timers and subscriptions. */
  onEnd?(): void;
}

/** Runs a session on an upgraded socket. @internal */
export function runConnection(
  socket: Duplex,
  start: (peer: WebSocketPeer) => WebSocketSession,
): void {
  let closing = false;
  const write = (frame: Buffer) => {
    if (!closing && socket.writable) socket.write(frame);
  };
  const peer: WebSocketPeer = {
    sendText: (text) => write(textFrame(Buffer.from(text, 'utf8'))),
    sendBinary: (bytes) => write(encodeFrame(OPCODE.binary, bytes)),
    close(code = CLOSE_NORMAL) {
      if (closing) return;
      write(closeFrame(code));
      closing = true;
      socket.end();
      setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
    },
  };
  const session = start(peer);
  const read = createFrameReader();
  socket.on('close', () => session.onEnd?.());
  socket.on('data', (chunk: Buffer) => {
    try {
      for (const { opcode, payload } of read(chunk)) {
        if (opcode === OPCODE.text) session.onText?.(payload.toString('utf8'));
        else if (opcode === OPCODE.binary) session.onBinary?.(payload);
        else if (opcode === OPCODE.ping) write(encodeFrame(OPCODE.pong, payload));
        else if (opcode === OPCODE.close) peer.close(CLOSE_NORMAL);
      }
    } catch (error) {
      peer.close(error instanceof FrameError ? error.code : 1011);
    }
  });
}
