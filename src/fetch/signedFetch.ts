import { checkOptionNames } from '../options/checkOptionNames';
import { isSigV4Error } from '../errors';
import { exchange } from '../exchange/exchange';
import { FETCH_ENTRY, type EntryPoint } from '../options/optionNames';
import { routeRequest } from '../exchange/route';
import { newSigner } from '../signing/signer';
import type { SigV4Options } from '../types';
import { toWireUrl } from '../signing/wireUrl';
import { draftFromBase } from './base';
import { callsItselfError, createLoopGuard } from './callsItself';
import { fromRequest, inputMethod, inputUrl, toRequest } from './draft';
import { plainCallBase } from './fastPath';
import { assertNoHostHeader } from './hostHeader';
import { markSigned } from './marks';
import { resolveSender } from './sender';
import { fetchTransport } from './transport';

/** Options of {@link createSignedFetch}. */
export interface SignedFetchOptions extends SigV4Options {
  /**
   * The fetch that sends (undici's, a mock server's, an instrumented one), signed requests and
   * all others. Without it, the fetch that is global when the signed fetch is created: a fetch
   * that replaces the global one later (MSW's `server.listen()`, a test spy) is not used, so
   * create the signed fetch after it. When the global fetch is itself a signed fetch, the fetch
   * it sends with: a signed fetch never signs a request twice nor sends with itself.
   * @default `globalThis.fetch` when the signed fetch is created
   */
  readonly fetch?: typeof fetch;
}

/**
 * Creates a fetch with the exact signature of the global one that signs requests to hosts in
 * scope with SigV4 and passes every other request through untouched.
 *
 * It sends with the fetch that was global when it was created (see
 * {@link SignedFetchOptions.fetch}), so `globalThis.fetch = createSignedFetch(...)` works;
 * {@link installSignedFetch} does that with a function to undo it. A `fetch` option that leads
 * back to this signed fetch is refused with a `SigV4OptionsError`, never followed in a loop.
 * @example
 * const fetch = createSignedFetch();
 * const response = await fetch('https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders?x=1');
 */
export function createSignedFetch(options?: SignedFetchOptions): typeof fetch {
  return buildSignedFetch(options, FETCH_ENTRY, false);
}

/**
 * {@link createSignedFetch}, and for the global fetch: with `passInvalidUrls`, a URL that cannot
 * be parsed is handed to the original fetch (a host that cannot be in scope), to fail as it would.
 * @internal
 */
export function buildSignedFetch(
  options: SignedFetchOptions | undefined,
  entry: EntryPoint,
  passInvalidUrls: boolean,
): typeof fetch {
  checkOptionNames(options, entry);
  const sender = resolveSender(options?.fetch);
  const signer = newSigner(options);
  const guard = createLoopGuard();
  const signedFetch = async function signedFetch(
    input: string | URL | Request,
    init?: RequestInit,
  ) {
    const method = String(init?.method ?? inputMethod(input)).toUpperCase();
    const where = () => ({ method, url: input == null ? undefined : String(inputUrl(input)) });
    if (guard.isCallBack(init)) throw callsItselfError(where());
    // No URL at all, or (installed) one fetch cannot parse: fetch's own TypeError, exactly.
    const given = input == null ? undefined : wireUrlOf(input, method, passInvalidUrls);
    if (!given) return guard.pass(sender.current(where), input, init);
    const send = sender.current(where);
    return routeRequest(signer, method, given, {
      unsigned: () => guard.pass(send, input, init),
      signed(url) {
        const plain = plainCallBase(input, init);
        const { base, draft } = plain
          ? { base: plain, draft: draftFromBase(plain, url, init?.body ?? undefined) }
          : fromRequest(toRequest(input, init, url), input, url, init);
        assertNoHostHeader(base.headers, base.method, url);
        const transport = fetchTransport(base, init, (to, wire) =>
          guard.sendSigned(send, to, wire ?? {}, init),
        );
        return exchange(signer, draft, transport);
      },
    });
  } as typeof fetch;
  markSigned(signedFetch, sender.fixed);
  return signedFetch;
}

/** The URL to sign; `undefined` for one that cannot be parsed, when those are passed on. */
function wireUrlOf(input: string | URL | Request, method: string, passInvalidUrls: boolean) {
  try {
    return toWireUrl(inputUrl(input), method);
  } catch (error) {
    if (passInvalidUrls && isSigV4Error(error) && error.code === 'INVALID_URL') return undefined;
    throw error;
  }
}
