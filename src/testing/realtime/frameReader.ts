/**
 * Reads the frames a WebSocket client sends (RFC 6455 §5.2): masked, possibly fragmented, split
 * or joined arbitrarily by TCP. Bytes go in as they arrive; whole messages and control frames
 * come out. https://www.rfc-editor.org/rfc/rfc6455#section-5.2
 */

/** One complete message or control frame. @internal */
export interface ClientFrame {
  /** 0x1 text, 0x2 binary (a whole message), 0x8 close, 0x9 ping, 0xA pong. */
  opcode: number;
  payload: Buffer;
}

/** Why reading stopped: the close code to answer with (RFC 6455 §7.4.1). @internal */
export class FrameError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Frames larger than this are refused (1009): a local test server has no use for them. */
const MAX_MESSAGE_BYTES = 1 << 20;
const PROTOCOL_ERROR = 1002;
const TOO_BIG = 1009;

/** The length and offset of a frame's payload, or undefined until enough bytes are there. */
function payloadBounds(buffer: Buffer): { length: number; start: number } | undefined {
  if (buffer.length < 2) return undefined;
  if ((buffer[1] & 0x80) === 0)
    throw new FrameError(PROTOCOL_ERROR, 'client frames must be masked');
  const short = buffer[1] & 0x7f;
  const extra = short === 126 ? 2 : short === 127 ? 8 : 0;
  if (buffer.length < 2 + extra + 4) return undefined;
  const length =
    short === 126
      ? buffer.readUInt16BE(2)
      : short === 127
        ? Number(buffer.readBigUInt64BE(2))
        : short;
  if (length > MAX_MESSAGE_BYTES) throw new FrameError(TOO_BIG, 'message too big');
  return { length, start: 2 + extra + 4 };
}

/** A reader for one connection. @internal */
export function createFrameReader(): (chunk: Buffer) => ClientFrame[] {
  let pending = Buffer.alloc(0);
  let fragments: Buffer[] = [];
  let fragmentedOpcode = 0;
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    const frames: ClientFrame[] = [];
    for (let bounds = payloadBounds(pending); bounds; bounds = payloadBounds(pending)) {
      const { length, start } = bounds;
      if (pending.length < start + length) break;
      const fin = (pending[0] & 0x80) !== 0;
      const opcode = pending[0] & 0x0f;
      const mask = pending.subarray(start - 4, start);
      const payload = Buffer.from(pending.subarray(start, start + length));
      for (let i = 0; i < payload.length; i += 1) payload[i] ^= mask[i % 4];
      pending = pending.subarray(start + length);
      if (opcode >= 0x8) frames.push({ opcode, payload });
      else {
        if (opcode !== 0) fragmentedOpcode = opcode;
        fragments.push(payload);
        if (fragments.reduce((sum, part) => sum + part.length, 0) > MAX_MESSAGE_BYTES) {
          throw new FrameError(TOO_BIG, 'message too big');
        }
        if (fin) {
          frames.push({ opcode: fragmentedOpcode, payload: Buffer.concat(fragments) });
          fragments = [];
        }
      }
    }
    return frames;
  };
}
