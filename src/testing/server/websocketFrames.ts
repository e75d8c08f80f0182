import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

/**
 * The few pieces of RFC 6455 the endpoint needs to complete a WebSocket `$connect` by hand:
 * the handshake answer and unmasked server frames. https://www.rfc-editor.org/rfc/rfc6455
 */

/** RFC 6455 §1.3: the GUID appended to Sec-WebSocket-Key before hashing. */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE_TEXT = 0x1;
const OPCODE_CLOSE = 0x8;
const FIN = 0x80;
/** RFC 6455 §7.4.1: normal closure. @internal */
export const CLOSE_NORMAL = 1000;

/** `Sec-WebSocket-Accept`: base64 of SHA-1 over the client's key and the GUID. @internal */
export function websocketAccept(key: string): string {
  return createHash('sha1').update(`${key}${WEBSOCKET_GUID}`).digest('base64');
}

/** One final, unmasked frame (servers never mask), with the 7/16/64-bit length forms. @internal */
export function encodeFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  let head: Buffer;
  if (length < 126) {
    head = Buffer.from([FIN | opcode, length]);
  } else if (length < 0x10000) {
    head = Buffer.alloc(4);
    head.writeUInt8(FIN | opcode, 0);
    head.writeUInt8(126, 1);
    head.writeUInt16BE(length, 2);
  } else {
    head = Buffer.alloc(10);
    head.writeUInt8(FIN | opcode, 0);
    head.writeUInt8(127, 1);
    head.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([head, payload]);
}

/** A text frame carrying UTF-8 bytes. @internal */
export function textFrame(payload: Uint8Array): Buffer {
  return encodeFrame(OPCODE_TEXT, payload);
}

/** A close frame with a status code and no reason. @internal */
export function closeFrame(code: number = CLOSE_NORMAL): Buffer {
  const body = Buffer.alloc(2);
  body.writeUInt16BE(code, 0);
  return encodeFrame(OPCODE_CLOSE, body);
}

/** An HTTP/1.1 response head (status line, headers, blank line) written by hand. @internal */
export function responseHead(status: number, headers: Record<string, string | number>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, ...lines, '', ''].join('\r\n');
}
