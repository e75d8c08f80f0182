import type { AwsCredentialIdentity, AwsCredentialProvider } from './types';

/** One cached source: the last good credentials and the resolution in flight, if any. */
interface CacheEntry {
  current?: AwsCredentialIdentity;
  inFlight?: Promise<AwsCredentialIdentity>;
}

/**
 * Process-wide, keyed by the provider function itself: no secret is ever part of a key, two
 * sources never share an entry, and an entry goes away with a provider nobody holds any more
 * (signers created on every invocation do not make it grow).
 */
let cache = new WeakMap<AwsCredentialProvider, CacheEntry>();

/** Forgets every cached credential, so the next request resolves afresh. @internal */
export function clearCachedCredentials(): void {
  cache = new WeakMap();
}

/** Options for {@link cachedCredentials}. @internal */
export interface CachedCredentialsOptions {
  /** Refresh this long before `expiration`. */
  readonly refreshMarginMs: number;
  /** Reads the clock; injectable so tests can use fake timers. */
  readonly now?: () => number;
  /** Rejects an unusable answer before it is cached: it is a failure, and failures are not cached. */
  readonly check?: (credentials: AwsCredentialIdentity) => AwsCredentialIdentity;
}

const isExpired = (credentials: AwsCredentialIdentity, now: number, marginMs = 0): boolean =>
  credentials.expiration !== undefined && credentials.expiration.getTime() - marginMs <= now;

/**
 * Wraps `provider` in the process-wide cache: warm calls return the cached value with no
 * resolution; concurrent callers share one resolution; credentials within the margin of their
 * expiry are refreshed; a failed refresh is not cached and still-valid credentials keep serving.
 * @internal
 */
export function cachedCredentials(
  provider: AwsCredentialProvider,
  {
    refreshMarginMs,
    now = () => Date.now(), // looked up per call: a fake clock installed later is followed
    check = (credentials) => credentials,
  }: CachedCredentialsOptions,
): AwsCredentialProvider {
  return async () => {
    let entry = cache.get(provider);
    if (!entry) cache.set(provider, (entry = {}));
    const { current } = entry;
    if (current && !isExpired(current, now(), refreshMarginMs)) return current;
    try {
      return await (entry.inFlight ??= resolveInto(entry, provider, check));
    } catch (error) {
      if (current && !isExpired(current, now())) return current;
      throw error;
    }
  };
}

/** Resolves once and stores the result; the in-flight marker is cleared whatever the outcome. */
async function resolveInto(
  entry: CacheEntry,
  provider: AwsCredentialProvider,
  check: (credentials: AwsCredentialIdentity) => AwsCredentialIdentity,
): Promise<AwsCredentialIdentity> {
  try {
    // Called a tick later: a provider that throws synchronously would otherwise run `finally`
    // before the caller stores this promise as in flight, and that rejection would stay cached.
    const credentials = check(await Promise.resolve().then(() => provider()));
    entry.current = credentials;
    return credentials;
  } finally {
    entry.inFlight = undefined;
  }
}
