import { assertNoUserinfo } from '../errors';
import { exchange } from '../exchange';
import { checkOptionNames } from '../checkOptionNames';
import { FETCH_ENTRY } from '../optionNames';
import { passUnsigned } from '../passUnsigned';
import { newSigner, signerInternals } from '../signer';
import type { SigV4Options } from '../types';
import { toWireUrl } from '../wireUrl';
import { draftFromBase } from './base';
import { fromRequest, inputMethod, inputUrl, toRequest } from './draft';
import { plainCallBase } from './fastPath';
import { assertNoHostHeader } from './hostHeader';
import { fetchOption } from './sender';
import { fetchTransport } from './transport';

/** Options of {@link createSignedFetch}. */
export interface SignedFetchOptions extends SigV4Options {
  /**
   * The fetch that sends the signed request (undici's, a mock server's, an instrumented one).
   * @default `globalThis.fetch`, looked up at each call
   */
  readonly fetch?: typeof fetch;
}

/**
 * Creates a fetch with the exact signature of the global one that signs requests to hosts in
 * scope with SigV4 and passes every other request through untouched.
 * @example
 * const fetch = createSignedFetch();
 * const response = await fetch('https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders?x=1');
 */
export function createSignedFetch(options?: SignedFetchOptions): typeof fetch {
  checkOptionNames(options, FETCH_ENTRY);
  const fetchFor = fetchOption(options?.fetch);
  const signer = newSigner(options);
  return async function signedFetch(input: string | URL | Request, init?: RequestInit) {
    const method = String(init?.method ?? inputMethod(input)).toUpperCase();
    // No URL at all: fetch's own TypeError, exactly ("Failed to parse URL from null").
    if (input === null || input === undefined) return fetchFor({ method })(input, init);
    const send = fetchFor({ method, url: inputUrl(input) });
    const given = toWireUrl(inputUrl(input), method);
    if (!signer.appliesTo(given)) {
      return passUnsigned(signer, { method, url: given }, () => send(input, init));
    }
    assertNoUserinfo(given, method);
    const url = signerInternals(signer).urlToSend(given, method);
    const plain = plainCallBase(input, init);
    const { base, draft } = plain
      ? { base: plain, draft: draftFromBase(plain, url, init?.body ?? undefined) }
      : fromRequest(toRequest(input, init, url), input, url, init);
    assertNoHostHeader(base.headers, base.method, url);
    return exchange(signer, draft, fetchTransport(base, init, send));
  } as typeof fetch;
}
