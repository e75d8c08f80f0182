import { CONTENT_TYPE_HEADER, FORM_URLENCODED_CONTENT_TYPE } from '../constants';
import { SigV4RequestError } from '../errors';

/** A body read into what will be sent: a string (sent as UTF-8) or exact bytes. */
export interface ReadBody {
  readonly body: string | Uint8Array | undefined;
  /** The content type the body carries (a multipart boundary, a Blob's type), if any. */
  readonly contentType?: string;
  /** True when the content type must replace the caller's (a multipart boundary must match). */
  readonly contentTypeRequired?: boolean;
}

/**
 * The npm `form-data` package: a classic (pre-streams2) Node stream that knows its boundary. It
 * has no async iterator, so it is read through its events.
 */
interface LegacyFormData {
  getBoundary(): string;
  on(event: string, listener: (arg: unknown) => void): unknown;
  resume(): unknown;
}

const isAsyncIterable = (body: object): body is AsyncIterable<unknown> =>
  typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

const isLegacyFormData = (body: object): body is LegacyFormData =>
  typeof (body as LegacyFormData).getBoundary === 'function' &&
  typeof (body as LegacyFormData).on === 'function' &&
  typeof (body as LegacyFormData).resume === 'function';

/** Every chunk a classic stream emits, once it has ended. */
function collectEvents(stream: LegacyFormData): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const chunks: unknown[] = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => resolve(chunks));
    stream.on('error', reject);
    stream.resume();
  });
}

const hasGlobal = (name: 'FormData' | 'Blob' | 'ReadableStream', body: object): boolean => {
  const ctor = (globalThis as Record<string, unknown>)[name];
  return typeof ctor === 'function' && body instanceof ctor;
};

/** Concatenates a Node stream or any (async) iterable of chunks. */
async function readChunks(stream: AsyncIterable<unknown> | Iterable<unknown>): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : toBytes(chunk as never);
    chunks.push(bytes);
    length += bytes.byteLength;
  }
  const all = new Uint8Array(length);
  let offset = 0;
  for (const bytes of chunks) {
    all.set(bytes, offset);
    offset += bytes.byteLength;
  }
  return all;
}

/** A view of exactly the bytes a buffer or view holds (a subarray stays a subarray). */
function toBytes(body: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(body)
    ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
    : new Uint8Array(body);
}

/**
 * Lets the platform serialize what it knows how to (FormData with a boundary chosen once, Blob,
 * web ReadableStream): the bytes read here are the bytes sent, with the matching content type.
 */
async function readThroughResponse(body: BodyInit): Promise<ReadBody> {
  const response = new Response(body);
  const contentType = response.headers.get(CONTENT_TYPE_HEADER) ?? undefined;
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A FormData boundary must match; a Blob's type wins over a client default, as both clients do.
  return { body: bytes, contentType, contentTypeRequired: contentType !== undefined };
}

async function readObject(body: object): Promise<ReadBody> {
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return { body: toBytes(body) };
  if (body instanceof URLSearchParams) {
    return { body: body.toString(), contentType: FORM_URLENCODED_CONTENT_TYPE };
  }
  if (isLegacyFormData(body)) {
    const contentType = `multipart/form-data; boundary=${body.getBoundary()}`;
    return {
      body: await readChunks(await collectEvents(body)),
      contentType,
      contentTypeRequired: true,
    };
  }
  if (hasGlobal('FormData', body) || hasGlobal('Blob', body) || hasGlobal('ReadableStream', body)) {
    return readThroughResponse(body as BodyInit);
  }
  if (isAsyncIterable(body)) return { body: await readChunks(body) };
  throw new TypeError(`unsupported body type ${body.constructor?.name ?? typeof body}`);
}

/**
 * Reads any body a client accepts into the exact bytes that will be sent, so their real SHA-256
 * is signed (API Gateway rejects UNSIGNED-PAYLOAD). Streams are buffered: a signature needs the
 * whole body before the first byte leaves.
 * @internal
 */
export async function readBody(
  body: unknown,
  request: { method: string; url: string },
): Promise<ReadBody> {
  if (body === undefined || body === null) return { body: undefined };
  if (typeof body === 'string') return { body };
  try {
    if (typeof body === 'object') return await readObject(body);
    throw new TypeError(`unsupported body type ${typeof body}`);
  } catch (cause) {
    throw new SigV4RequestError(
      'UNREADABLE_BODY',
      `Cannot read the request body to sign it (${(cause as Error).message})`,
      'send a string, Uint8Array/Buffer, ArrayBuffer, URLSearchParams, FormData, Blob or a readable stream',
      { ...request, cause },
    );
  }
}
