/**
 * Base64 of UTF-8 text with the platform's own `btoa` and `TextEncoder` (browsers, Node 16+):
 * no Buffer, so the same code runs in the browser build.
 */

/** Characters per `String.fromCharCode` call: far below any engine's argument limit. */
const CHUNK = 0x8000;

/** Standard base64 (RFC 4648 §4, padded) of the UTF-8 bytes of `text`. @internal */
export function base64OfText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  }
  return btoa(binary);
}

/**
 * Base64url (RFC 4648 §5) without padding of the UTF-8 bytes of `text`: the only form a WebSocket
 * subprotocol can carry (`+`, `/` and `=` are separators, which the WebSocket API refuses there).
 * @internal
 */
export function base64UrlOfText(text: string): string {
  return base64OfText(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
