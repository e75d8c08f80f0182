import { describeType } from '../describeType';
import { invalidOption, SigV4OptionsError } from '../errors';
import type { CallContext } from './callsItself';
import { unwrapSigned } from './marks';

/** What a signed fetch sends with, settled when it is created. @internal */
export interface Sender {
  /** The fetch given or captured; `undefined` when the global is looked up at each call. */
  readonly fixed: typeof fetch | undefined;
  /** The fetch to send a call with, now; `where` names the call in an error. */
  current(where: () => CallContext): typeof fetch;
}

const noGlobalFetch = (context: CallContext) =>
  new SigV4OptionsError(
    'INVALID_OPTIONS',
    'No fetch to send with: globalThis.fetch is not a function',
    "pass the `fetch` option (e.g. undici's fetch), or run on Node.js 18 or newer",
    context,
  );

const fixedSender = (fetch: typeof globalThis.fetch): Sender => ({
  fixed: fetch,
  current: () => fetch,
});

/**
 * The `fetch` option, checked at creation and used as given (a signed fetch included: that is a
 * chain the caller asked for); else the fetch that is global now, and when that is a signed
 * fetch, the fetch it sends with, so that assigning a signed fetch to `globalThis.fetch` never
 * makes it, or a later one, send with itself or sign twice. Only where no global fetch exists
 * yet is it looked up at each call.
 * @throws SigV4OptionsError for a `fetch` that is not a function, or a chain that loops
 * @internal
 */
export function resolveSender(given: unknown): Sender {
  if (given !== undefined) {
    if (typeof given !== 'function') {
      throw invalidOption(
        'fetch',
        `it is ${describeType(given)}: pass a fetch function (globalThis.fetch, undici's fetch) or leave it out`,
      );
    }
    unwrapSigned(given as typeof fetch); // refuses a chain of signed fetches that loops
    return fixedSender(given as typeof fetch);
  }
  const captured = unwrapSigned(globalThis.fetch as typeof fetch | undefined);
  if (typeof captured === 'function') return fixedSender(captured);
  return {
    fixed: undefined,
    current(where) {
      const found = unwrapSigned(globalThis.fetch as typeof fetch | undefined, where);
      if (typeof found !== 'function') throw noGlobalFetch(where());
      return found;
    },
  };
}
