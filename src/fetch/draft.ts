import { SigV4RequestError } from '../errors';
import type { OutgoingDraft, WireRequest } from '../outgoing';

/** The URL a fetch input names, before any parsing. */
export const inputUrl = (input: string | URL | Request): string | URL =>
  typeof input === 'object' && 'url' in input && !(input instanceof URL) ? input.url : input;

/**
 * The request fetch would send: the platform's own Request merges input and init exactly as
 * fetch does (headers of a Request input, init overrides, the content type of a FormData,
 * URLSearchParams, Blob or string body).
 * @internal
 */
export function toRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
  url: URL,
): Request {
  try {
    return new Request(input, init);
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
export function draftFromRequest(request: Request, url: URL): OutgoingDraft {
  return {
    method: request.method,
    url,
    headers: Object.fromEntries(request.headers),
    body: request.body ?? undefined,
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
