import { processState } from '../processState';
import type { AwsCredentialIdentity, AwsCredentialProvider } from '../types';

/** One cached source: the last good credentials and the resolution in flight, if any. @internal */
export interface CacheEntry {
  current?: AwsCredentialIdentity;
  inFlight?: Promise<AwsCredentialIdentity>;
  /** When the resolution in flight started: one that never settles is replaced after the bound. */
  inFlightSince?: number;
  /** When the last early refresh was tried, to pace retries while `current` still serves. */
  refreshTriedAt?: number;
  /** When the server last refused credentials from this source, to pace re-resolutions. */
  refusedAt?: number;
}

/**
 * While still-valid credentials serve, an early refresh that failed (or brought back the same
 * credentials, as a provider that memoizes in its own window does) is tried again at most this
 * often, not on every request. Credentials the server refused are likewise resolved afresh at
 * most this often: a persistently bad key causes no storm of resolutions.
 */
const REFRESH_RETRY_INTERVAL_MS = 10_000;

/**
 * The cache is process-wide (src/processState.ts), keyed by the provider function itself: no
 * secret is ever part of a key, two sources never share an entry, and an entry goes away with a
 * provider nobody holds any more (signers created on every invocation do not make it grow).
 */
const cache = () => processState().credentials;

/** Forgets every cached credential, so the next request resolves afresh. @internal */
export function clearCachedCredentials(): void {
  processState().credentials = new WeakMap();
}

/**
 * Drops `used` from the cache when they are still the cached credentials (the server called them
 * invalid or expired), so the next request resolves afresh. Credentials already replaced by a
 * concurrent refresh are left alone: a thousand failed requests cause one new resolution; and
 * within {@link REFRESH_RETRY_INTERVAL_MS} of the last refusal nothing is dropped.
 * @returns whether anything was dropped
 * @internal
 */
export function forgetCachedCredentials(
  provider: AwsCredentialProvider,
  used: AwsCredentialIdentity,
  now: number = Date.now(),
): boolean {
  const entry = cache().get(provider);
  if (!entry || entry.current !== used) return false;
  if (entry.refusedAt !== undefined && now - entry.refusedAt < REFRESH_RETRY_INTERVAL_MS) {
    return false;
  }
  entry.refusedAt = now;
  entry.current = undefined;
  entry.refreshTriedAt = undefined;
  return true;
}

/** What the cache did for one request, for the debug log. @internal */
export type CacheEvent =
  | { readonly event: 'hit'; readonly expiration?: Date }
  | { readonly event: 'resolving'; readonly reason: 'none cached' | 'expiring' | 'stalled' }
  | { readonly event: 'resolved'; readonly expiration?: Date }
  | { readonly event: 'refresh failed'; readonly keptUntil?: Date; readonly error: unknown };

/** Options for {@link cachedCredentials}. @internal */
export interface CachedCredentialsOptions {
  /** Refresh this long before `expiration`. */
  readonly refreshMarginMs: number;
  /** A resolution in flight for longer than this is given up for a new one. */
  readonly timeoutMs?: number;
  /** Reads the clock; injectable so tests can use fake timers. */
  readonly now?: () => number;
  /** Rejects an unusable answer before it is cached: it is a failure, and failures are not cached. */
  readonly check?: (credentials: AwsCredentialIdentity) => AwsCredentialIdentity;
  /** Told what the cache did; only the debug log listens. */
  readonly onEvent?: (event: CacheEvent) => void;
}

const sameCredentials = (a: AwsCredentialIdentity, b: AwsCredentialIdentity | undefined) =>
  a.accessKeyId === b?.accessKeyId && a.expiration?.getTime() === b.expiration?.getTime();

const isExpired = (credentials: AwsCredentialIdentity, now: number, marginMs = 0): boolean =>
  credentials.expiration !== undefined && credentials.expiration.getTime() - marginMs <= now;

/** A cached provider, and what it holds that needs no resolution. @internal */
export interface CachedProvider extends AwsCredentialProvider {
  /** The cached credentials while they need no refresh, at once; undefined otherwise. */
  warm(): AwsCredentialIdentity | undefined;
}

/**
 * Wraps `provider` in the process-wide cache: warm calls return the cached value with no
 * resolution; concurrent callers share one resolution; credentials within the margin of their
 * expiry are refreshed; a failed refresh is not cached and still-valid credentials keep serving;
 * a resolution that never settles is replaced by a new one once `timeoutMs` have passed.
 * @internal
 */
export function cachedCredentials(
  provider: AwsCredentialProvider,
  options: CachedCredentialsOptions,
): CachedProvider {
  const { refreshMarginMs, timeoutMs = Infinity, onEvent } = options;
  const now = options.now ?? (() => Date.now()); // looked up per call: a fake clock installed later is followed
  const check = options.check ?? ((credentials) => credentials);
  const warm = () => {
    const current = cache().get(provider)?.current;
    if (!current || isExpired(current, now(), refreshMarginMs)) return undefined;
    onEvent?.({ event: 'hit', expiration: current.expiration });
    return current;
  };
  const resolve = async () => {
    const hit = warm();
    if (hit) return hit;
    const entries = cache();
    let entry = entries.get(provider);
    if (!entry) entries.set(provider, (entry = {}));
    const { current } = entry;
    if (current && !isExpired(current, now()) && refreshPaced(entry, now())) return current;
    if (current) entry.refreshTriedAt ??= now();
    const stalled = entry.inFlight !== undefined && now() - entry.inFlightSince! >= timeoutMs;
    if (!entry.inFlight || stalled) {
      onEvent?.({
        event: 'resolving',
        reason: stalled ? 'stalled' : current ? 'expiring' : 'none cached',
      });
      entry.inFlightSince = now();
      entry.inFlight = resolveInto(entry, provider, check, onEvent);
    }
    try {
      return await entry.inFlight;
    } catch (error) {
      if (!current || isExpired(current, now())) throw error;
      onEvent?.({ event: 'refresh failed', keptUntil: current.expiration, error });
      return current;
    }
  };
  return Object.assign(resolve, { warm });
}

/** True while an early refresh was tried too recently to try again; marks a new try otherwise. */
function refreshPaced(entry: CacheEntry, now: number): boolean {
  if (entry.inFlight || entry.refreshTriedAt === undefined) return false;
  if (now - entry.refreshTriedAt < REFRESH_RETRY_INTERVAL_MS) return true;
  entry.refreshTriedAt = undefined;
  return false;
}

/**
 * Resolves once and stores the result; the in-flight marker is cleared whatever the outcome,
 * unless a newer resolution has replaced this one (it was given up as stalled).
 */
function resolveInto(
  entry: CacheEntry,
  provider: AwsCredentialProvider,
  check: (credentials: AwsCredentialIdentity) => AwsCredentialIdentity,
  onEvent: CachedCredentialsOptions['onEvent'],
): Promise<AwsCredentialIdentity> {
  // Called a tick later: a provider that throws synchronously would otherwise run `finally`
  // before the caller stores this promise as in flight, and that rejection would stay cached.
  const resolution: Promise<AwsCredentialIdentity> = Promise.resolve()
    .then(() => provider())
    .then((answer) => {
      const credentials = check(answer);
      // New credentials end the pacing; the same ones again keep it, so a provider that
      // memoizes is not asked on every request.
      if (!sameCredentials(credentials, entry.current)) entry.refreshTriedAt = undefined;
      entry.current = credentials;
      onEvent?.({ event: 'resolved', expiration: credentials.expiration });
      return credentials;
    })
    .finally(() => {
      if (entry.inFlight === resolution) entry.inFlight = undefined;
    });
  return resolution;
}
