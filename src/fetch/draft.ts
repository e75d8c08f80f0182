import { SigV4RequestError } from '../errors';
import type { OutgoingDraft, WireRequest } from '../outgoing';

/** The URL a fetch input names, before any parsing. */
export const inputUrl = (input: string | URL | Request): string | URL =>
  typeof input === 'object' && 'url' in input && !(input instanceof URL) ? input.url : input;

/**
 * An init body read by the signer itself rather than through a Request: an async iterable (a
 * Node Readable, a generator). Node 20's Request (undici 6) never finishes reading one that
 * yields an empty chunk, even when the request is then sent by another fetch. A web
 * ReadableStream reads fine and still goes through the Request.
 */
function isIterableBody(body: unknown): body is AsyncIterable<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  if (typeof ReadableStream === 'function' && body instanceof ReadableStream) return false;
  return typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/** The checks fetch makes on a stream body, for one the Request does not hold. */
function checkIterableBody(request: Request, init: RequestInit): void {
  if (request.method === 'GET' || request.method === 'HEAD') {
    throw new TypeError('Request with GET/HEAD method cannot have body.');
  }
  if ((init as { duplex?: string }).duplex !== 'half') {
    throw new TypeError('RequestInit: duplex option is required when sending a body.');
  }
}

/**
 * The request fetch would send: the platform's own Request merges input and init exactly as
 * fetch does (headers of a Request input, init overrides, the content type of a FormData,
 * URLSearchParams, Blob or string body). An async-iterable body is left out of it (see
 * {@link isIterableBody}) and taken from the init by {@link draftFromRequest}.
 * @internal
 */
export function toRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
  url: URL,
): Request {
  try {
    if (!init || !isIterableBody(init.body)) return new Request(input, init);
    const request = new Request(input, { ...init, body: null });
    checkIterableBody(request, init);
    return request;
  } catch (cause) {
    throw new SigV4RequestError(
      'INVALID_REQUEST',
      `Cannot build the request to sign it (${(cause as Error).message})`,
      'pass fetch arguments that plain fetch accepts (a stream body needs `duplex: "half"`)',
      { method: init?.method ?? 'GET', url, cause },
    );
  }
}

/** The fetch request in the shape the signer shares with axios. @internal */
export function draftFromRequest(request: Request, url: URL, init?: RequestInit): OutgoingDraft {
  return {
    method: request.method,
    url,
    headers: Object.fromEntries(request.headers),
    body: isIterableBody(init?.body) ? init.body : (request.body ?? undefined),
  };
}

/**
 * The init for the real fetch: the caller's init (so extensions such as undici's `dispatcher`
 * survive), with the method, body and headers to send, and the settings a Request input carried.
 * @internal
 */
export function wireInit(
  request: Request,
  init: RequestInit | undefined,
  wire: WireRequest,
  redirect: RequestRedirect,
): RequestInit {
  const headers = new Headers(request.headers);
  for (const name of wire.removeHeaders) headers.delete(name);
  for (const [name, value] of Object.entries(wire.headers)) headers.set(name, value);
  return {
    ...init,
    method: wire.method,
    headers,
    body: wire.body as BodyInit | undefined,
    signal: request.signal,
    redirect,
    credentials: request.credentials,
    cache: request.cache,
    integrity: request.integrity,
    keepalive: request.keepalive,
    referrerPolicy: request.referrerPolicy,
  };
}
