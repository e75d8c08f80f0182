/**
 * The browser build's src/signing/sha256.ts (swapped in by tsup.config.ts): the same two functions, on
 * WebCrypto. Browsers offer `crypto.subtle` in secure contexts only (https, localhost, 127.0.0.1);
 * elsewhere @aws-crypto/sha256-js does the work.
 */
import type { HashConstructor, HashLike, HashSecret } from '../signing/sha256';

/** The part of SubtleCrypto used here. @internal */
export type SubtleLike = Pick<SubtleCrypto, 'digest' | 'importKey' | 'sign'>;

const encoder = new TextEncoder();

function bytesOf(data: HashSecret | Uint8Array): Uint8Array {
  if (typeof data === 'string') return encoder.encode(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const whole = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/**
 * SHA-256, or HMAC-SHA256 with a key, on WebCrypto: updates are kept (copied: the caller may reuse
 * its buffer) and hashed in one call at `digest()`, which WebCrypto only offers asynchronously.
 * An empty HMAC key is passed as one zero byte: HMAC pads keys with zeros, so both are the same
 * key, and WebCrypto refuses empty ones.
 * @internal
 */
export function webCryptoSha256(subtle: SubtleLike): HashConstructor {
  return class WebCryptoSha256 implements HashLike {
    private chunks: Uint8Array[] = [];
    private readonly key?: Uint8Array<ArrayBuffer>;
    constructor(secret?: HashSecret) {
      if (secret === undefined) return;
      const key = bytesOf(secret);
      this.key = key.byteLength === 0 ? new Uint8Array(1) : key.slice();
    }
    update(data: Uint8Array | string): void {
      this.chunks.push(bytesOf(data).slice());
    }
    async digest(): Promise<Uint8Array> {
      const data = concat(this.chunks);
      if (this.key === undefined) return new Uint8Array(await subtle.digest('SHA-256', data));
      const algorithm = { name: 'HMAC', hash: 'SHA-256' };
      const key = await subtle.importKey('raw', this.key, algorithm, false, ['sign']);
      return new Uint8Array(await subtle.sign('HMAC', key, data));
    }
    reset(): void {
      this.chunks = [];
    }
  };
}

let chosen: Promise<HashConstructor> | undefined;

/**
 * WebCrypto's SHA-256 where the page may use it, else @aws-crypto/sha256-js (loaded only then);
 * chosen on first use, never at import.
 * @internal
 */
export function sha256Constructor(): Promise<HashConstructor> {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle;
  chosen ??= subtle
    ? Promise.resolve(webCryptoSha256(subtle))
    : import('@aws-crypto/sha256-js').then(({ Sha256 }) => Sha256 as unknown as HashConstructor);
  return chosen;
}

const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The hex SHA-256 of a body (a string as UTF-8). @internal */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const Hash = await sha256Constructor();
  const hash = new Hash();
  hash.update(typeof data === 'string' ? encoder.encode(data) : data);
  return toHex(await hash.digest());
}

/**
 * No hash is computed at once in a browser (WebCrypto is asynchronous): callers do without.
 * @internal
 */
export function sha256HexNow(_data: string | Uint8Array): string | undefined {
  return undefined;
}
