import type { OutgoingDraft, WireRequest } from '../exchange/outgoing';

/**
 * What every send of one fetch call starts from: the headers and redirect mode the caller's
 * arguments amount to, and the settings a Request input carried (its signal, credentials mode,
 * ...), which an init of the caller's own already holds otherwise.
 * @internal
 */
export interface FetchBase {
  readonly method: string;
  readonly headers: Headers;
  readonly redirect: RequestRedirect;
  readonly settings: RequestInit;
}

/** The base of a call made with a Request, or normalized through one. @internal */
export function baseFromRequest(request: Request, input: string | URL | Request): FetchBase {
  // Reading these creates objects (an AbortSignal): only when a Request input carried them.
  const settings: RequestInit =
    input instanceof Request
      ? {
          signal: request.signal,
          credentials: request.credentials,
          cache: request.cache,
          integrity: request.integrity,
          keepalive: request.keepalive,
          referrerPolicy: request.referrerPolicy,
        }
      : {};
  return { method: request.method, headers: request.headers, redirect: request.redirect, settings };
}

/**
 * The init for the real fetch: the caller's init (so extensions such as undici's `dispatcher`
 * survive), with the method, body and headers to send.
 * @internal
 */
export function wireInit(
  base: FetchBase,
  init: RequestInit | undefined,
  wire: WireRequest,
  redirect: RequestRedirect,
): RequestInit {
  const headers = new Headers(base.headers);
  for (const name of wire.removeHeaders) headers.delete(name);
  for (const [name, value] of Object.entries(wire.headers)) headers.set(name, value);
  return {
    ...init,
    ...base.settings,
    method: wire.method,
    headers,
    body: wire.body as BodyInit | undefined,
    redirect,
  };
}

/** The draft of a call, from its base and the body to read. @internal */
export const draftFromBase = (base: FetchBase, url: URL, body: unknown): OutgoingDraft => ({
  method: base.method,
  url,
  headers: Object.fromEntries(base.headers),
  body,
});
