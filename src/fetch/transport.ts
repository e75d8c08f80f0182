import { messageOf } from '../diagnosis/classify';
import type { Transport } from '../exchange';
import { exchangeFollowsRedirects } from '../redirectMode';
import { wireInit, type FetchBase } from './base';

/** What fetch itself follows at most (the Fetch standard's limit). */
const FETCH_MAX_REDIRECTS = 20;

/**
 * Sends the exchange's requests with fetch. A request that would follow redirects is sent with
 * `redirect: 'manual'` and the exchange follows them itself, because fetch would carry
 * `x-amz-security-token` to the new host (DOMAIN.md §7); `manual` and `error` are left as asked.
 * In a browser build every mode is left as asked: there `manual` gives an opaque redirect.
 * @internal
 */
export function fetchTransport(
  base: FetchBase,
  init: RequestInit | undefined,
  send: typeof fetch,
): Transport<Response> {
  const follow = exchangeFollowsRedirects && base.redirect === 'follow';
  return {
    maxRedirects: follow ? FETCH_MAX_REDIRECTS : 0,
    async send(wire) {
      const redirect = follow ? 'manual' : base.redirect;
      const response = await send(wire.url, wireInit(base, init, wire, redirect));
      return {
        status: response.status,
        header: (name) => response.headers.get(name),
        message: async () => messageOf(await response.clone().text()),
        handle: response,
        settle: () => response,
      };
    },
  };
}
