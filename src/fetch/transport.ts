import { messageOf } from '../diagnosis/classify';
import type { RedirectFailure, Reply, Transport } from '../exchange/transport';
import { exchangeFollowsRedirects } from '../exchange/redirectMode';
import { wireInit, type FetchBase } from './base';
import { discardBody } from '../exchange/discardBody';

/** What fetch itself follows at most (the Fetch standard's limit). */
const FETCH_MAX_REDIRECTS = 20;

/** The causes fetch gives for a redirect it will not follow (undici's network errors). */
const REDIRECT_FAILURES: Readonly<Record<RedirectFailure, string>> = {
  'too-many': 'redirect count exceeded',
  'unsupported-scheme': 'URL scheme must be a HTTP(S) scheme',
};

function replyOf(response: Response): Reply<Response> {
  // Read through one clone (the caller still reads the body), and only for a refusal, whose
  // message both the recovery and the diagnosis may ask for.
  let message: Promise<string | undefined> | undefined;
  return {
    status: response.status,
    header: (name) => response.headers.get(name),
    message: () => (message ??= response.clone().text().then(messageOf)),
    handle: response,
    discard: () => discardBody(response.bodyUsed ? undefined : response.body),
    settle: (_diagnosis, redirected) => {
      // What fetch says of a response it reached by following redirects itself.
      if (redirected) Object.defineProperty(response, 'redirected', { value: true });
      return response;
    },
  };
}

/**
 * Sends the exchange's requests with fetch. A request that would follow redirects is sent with
 * `redirect: 'manual'` and the exchange follows them itself, because fetch would carry
 * `x-amz-security-token` to the new host (DOMAIN.md §7); `manual` and `error` are left as asked.
 * In a browser build every mode is left as asked: there `manual` gives an opaque redirect.
 * Aborts and redirect failures reject as fetch rejects: with the signal's reason, and with
 * `TypeError: fetch failed` and its cause.
 * @internal
 */
export function fetchTransport(
  base: FetchBase,
  init: RequestInit | undefined,
  send: typeof fetch,
): Transport<Response> {
  const follow = exchangeFollowsRedirects && base.redirect === 'follow';
  const signal = base.settings.signal ?? init?.signal ?? undefined;
  return {
    maxRedirects: follow ? FETCH_MAX_REDIRECTS : 0,
    signal,
    abortError: () => signal?.reason,
    redirectError: (failure) =>
      new TypeError('fetch failed', { cause: new Error(REDIRECT_FAILURES[failure]) }),
    async send(wire) {
      const redirect = follow ? 'manual' : base.redirect;
      return replyOf(await send(wire.url, wireInit(base, init, wire, redirect)));
    },
  };
}
