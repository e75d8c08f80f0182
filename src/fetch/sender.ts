import { describeType } from '../describeType';
import { invalidOption, SigV4OptionsError } from '../errors';

/**
 * The `fetch` option, checked at creation: a function, or nothing (then `globalThis.fetch`,
 * looked up at each call, so that a test or an instrumentation can replace it later).
 * @returns the fetch to send one call with; it throws a typed error when there is none
 * @internal
 */
export function fetchOption(
  given: unknown,
): (context: { method: string; url?: string | URL }) => typeof fetch {
  if (given !== undefined && typeof given !== 'function') {
    throw invalidOption(
      'fetch',
      `it is ${describeType(given)}: pass a fetch function (globalThis.fetch, undici's fetch) or leave it out`,
    );
  }
  return (context) => {
    const found = (given ?? globalThis.fetch) as typeof fetch | undefined;
    if (typeof found === 'function') return found;
    throw new SigV4OptionsError(
      'INVALID_OPTIONS',
      'No fetch to send with: globalThis.fetch is not a function',
      "pass the `fetch` option (e.g. undici's fetch), or run on Node.js 18 or newer",
      context,
    );
  };
}
