/**
 * Percent-encoding as SigV4 defines it (RFC 3986), byte by byte. Works on bytes rather than on JS
 * strings so that an invalid UTF-8 sequence such as `%FF` survives decoding and re-encoding.
 */

const PERCENT = 0x25;
const utf8Decoder = new TextDecoder('utf-8');

/** RFC 3986 unreserved: A-Z a-z 0-9 - _ . ~ (never escaped by SigV4). */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x5f ||
    byte === 0x2e ||
    byte === 0x7e
  );
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}

/** Text as UTF-8 bytes; bytes pass through. @internal */
export function toBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
}

/**
 * Escapes every byte that is not unreserved as `%XX` (upper-case hex). Characters listed in
 * `keep` (ASCII only, e.g. `/` for paths) stay literal.
 * @internal
 */
export function uriEncode(input: string | Uint8Array, keep = ''): string {
  let out = '';
  for (const byte of toBytes(input)) {
    const char = String.fromCharCode(byte);
    const literal = isUnreserved(byte) || (byte < 0x80 && keep.includes(char));
    out += literal ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Decodes `%XX` sequences into bytes. A `%` not followed by two hex digits stays a literal `%`,
 * and `+` stays `+`: SigV4 servers do not read `+` as a space (that is HTML forms, not RFC 3986).
 * @internal
 */
export function percentDecode(text: string): Uint8Array {
  const bytes = toBytes(text);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    const high = bytes[i] === PERCENT ? hexValue(bytes[i + 1]) : -1;
    const low = high >= 0 ? hexValue(bytes[i + 2]) : -1;
    if (low >= 0) {
      out.push(high * 16 + low);
      i += 2;
    } else {
      out.push(bytes[i]);
    }
  }
  return Uint8Array.from(out);
}

/** Bytes as text for display; invalid UTF-8 becomes U+FFFD. @internal */
export function decodeUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}
