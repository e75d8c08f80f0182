import { STATUS_CODES } from 'node:http';
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

/**
 * The status line, `HTTP 403 Forbidden`: the reason phrase the server sent, else the standard one
 * (HTTP/2 sends none).
 * @internal
 */
export function statusLine(response: Response): string {
  const reason = response.statusText || STATUS_CODES[response.status] || '';
  return `HTTP ${response.status}${reason ? ` ${reason}` : ''}`;
}

/** The response headers, one `name: value` line each, as fetch exposes them. @internal */
export function headerLines(response: Response): string {
  return [...response.headers].map(([name, value]) => `${name}: ${value}\n`).join('');
}

/**
 * Copies the response body to `stdout` as it arrives, byte for byte, waiting whenever `stdout`
 * asks to (a slow pipe), so a large body is never held in memory whole.
 * @internal
 */
export async function writeBody(response: Response, stdout: Writable): Promise<void> {
  if (!response.body) return;
  // The DOM typings of fetch's body lack async iteration; node's stream has it.
  for await (const chunk of Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)) {
    if (!stdout.write(chunk)) await once(stdout, 'drain');
  }
}
