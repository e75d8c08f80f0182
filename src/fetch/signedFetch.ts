import { assertNoUserinfo } from '../errors';
import { signOutgoing } from '../outgoing';
import { createSigner } from '../signer';
import type { SigV4Options } from '../types';
import { toWireUrl } from '../wireUrl';
import { draftFromRequest, inputUrl, signedInit, toRequest } from './draft';

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
  const signer = createSigner(options);
  const send: typeof fetch = (input, init) => (options?.fetch ?? globalThis.fetch)(input, init);
  return async function signedFetch(input: string | URL | Request, init?: RequestInit) {
    const url = toWireUrl(inputUrl(input), (init?.method ?? 'GET').toUpperCase());
    if (!signer.appliesTo(url)) return send(input, init);
    assertNoUserinfo(url, init?.method ?? 'GET');
    const request = toRequest(input, init, url);
    const signed = await signOutgoing(signer, draftFromRequest(request, url));
    return send(signed.url, signedInit(request, init, signed));
  } as typeof fetch;
}
