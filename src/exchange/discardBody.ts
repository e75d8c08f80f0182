/**
 * A body larger than this is cancelled rather than read: reading a small one to its end lets its
 * keep-alive connection serve the next request, while a large one costs more to read than a new
 * connection does.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024;

/** A Node stream, as far as draining one goes (axios's `responseType: 'stream'`). */
interface NodeReadable {
  on(event: string, listener: (chunk: { length: number }) => void): unknown;
  resume(): unknown;
  destroy(): unknown;
}

async function drainWebStream(body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  for (let read = 0; ;) {
    const { done, value } = await reader.read();
    if (done) return;
    read += value.byteLength;
    if (read > DRAIN_LIMIT_BYTES) return reader.cancel();
  }
}

function drainNodeStream(stream: NodeReadable): void {
  let read = 0;
  stream.on('error', () => undefined); // a body that fails while discarded is no one's concern
  stream.on('data', (chunk) => {
    read += chunk.length;
    if (read > DRAIN_LIMIT_BYTES) stream.destroy();
  });
  stream.resume();
}

const isNodeReadable = (body: object): body is NodeReadable =>
  typeof (body as NodeReadable).resume === 'function' &&
  typeof (body as NodeReadable).on === 'function';

/**
 * Lets go of a body nobody will read (a redirect that is followed, a refusal that is sent again),
 * so that its connection is not held until garbage collection: a web ReadableStream (fetch, and
 * axios's fetch adapter) or a Node stream (axios's http adapter); a buffered body needs nothing.
 * @internal
 */
export function discardBody(body: unknown): void {
  if (typeof body !== 'object' || body === null) return;
  if (typeof ReadableStream === 'function' && body instanceof ReadableStream) {
    if (!body.locked) drainWebStream(body).catch(() => undefined);
  } else if (isNodeReadable(body)) drainNodeStream(body);
}
