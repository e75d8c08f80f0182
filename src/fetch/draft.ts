import { SigV4RequestError } from '../errors';
import type { OutgoingDraft } from '../exchange/outgoing';
import { baseFromRequest, draftFromBase, type FetchBase } from './base';

/** The method a fetch input names before any init: a Request's own, else GET. */
export const inputMethod = (input: unknown): string =>
  typeof input === 'object' && input !== null && typeof (input as Request).method === 'string'
    ? (input as Request).method
    : 'GET';

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

/**
 * A fetch call in the shape the signer shares with axios, with the base every send starts from.
 * @internal
 */
export function fromRequest(
  request: Request,
  input: string | URL | Request,
  url: URL,
  init?: RequestInit,
): { base: FetchBase; draft: OutgoingDraft } {
  const base = baseFromRequest(request, input);
  const body = isIterableBody(init?.body) ? init.body : (request.body ?? undefined);
  return { base, draft: draftFromBase(base, url, body) };
}
