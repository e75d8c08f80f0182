import { callsItselfError, type CallContext } from './callsItself';

/**
 * Keys of the marks a signed fetch carries, in the global symbol registry so that every copy of
 * this package in a process (its ESM and CommonJS builds, two installs) reads the marks of the
 * others. Versioned, as src/processState.ts: a copy with marks of another shape takes other keys.
 */
const SIGNED_FETCH = Symbol.for('aws-sigv4-interceptor.signed-fetch.v1');
const INSTALLED_FETCH = Symbol.for('aws-sigv4-interceptor.installed-fetch.v1');

/** What a signed fetch sends with: `undefined` when it looks up `globalThis.fetch` at each call. */
interface SignedMark {
  readonly sendsWith: typeof fetch | undefined;
}

/** What `installSignedFetch` replaced, and whether its restore function has run. @internal */
export interface InstallRecord {
  readonly previous: typeof fetch;
  restored: boolean;
}

type Marked = { [SIGNED_FETCH]?: SignedMark; [INSTALLED_FETCH]?: InstallRecord };

/** Marks `fetch` as a signed fetch, without an enumerable property. @internal */
export function markSigned(fetch: typeof globalThis.fetch, sendsWith: SignedMark['sendsWith']) {
  Object.defineProperty(fetch, SIGNED_FETCH, { value: { sendsWith } satisfies SignedMark });
}

/** Marks `fetch` as installed over `previous` by `installSignedFetch`. @internal */
export function markInstalled(fetch: typeof globalThis.fetch, record: InstallRecord): void {
  Object.defineProperty(fetch, INSTALLED_FETCH, { value: record });
}

/** The install record of `fetch`, if `installSignedFetch` installed it. @internal */
export const installRecordOf = (fetch: unknown): InstallRecord | undefined =>
  typeof fetch === 'function' ? (fetch as Marked)[INSTALLED_FETCH] : undefined;

const signedMarkOf = (fetch: unknown): SignedMark | undefined =>
  typeof fetch === 'function' ? (fetch as Marked)[SIGNED_FETCH] : undefined;

/**
 * The fetch that `candidate` ends up sending with: itself when it is not a signed fetch, else,
 * signed fetch after signed fetch, the first fetch that is not one. A signed fetch that looks the
 * global up stands for the global fetch of now.
 * @throws SigV4OptionsError when the chain comes back to a signed fetch already passed
 * @internal
 */
export function unwrapSigned(
  candidate: typeof fetch | undefined,
  where?: () => CallContext,
): typeof fetch | undefined {
  const passed = new Set<unknown>();
  let current = candidate;
  for (let mark = signedMarkOf(current); mark; mark = signedMarkOf(current)) {
    if (passed.has(current)) throw callsItselfError(where?.());
    passed.add(current);
    current = mark.sendsWith ?? globalThis.fetch;
  }
  return current;
}
