import { cachedCredentials, forgetCachedCredentials, type CacheEvent } from './credentials';
import type { DebugLog } from '../options/debug';
import { defaultCredentialProvider, resetDefaultCredentialChain } from './defaultCredentials';
import { SigV4CredentialsError, isSigV4Error } from '../errors';
import type { ResolvedOptions } from '../options/options';
import { safeCause } from '../safeCause';
import { sdkProvidersMissing } from './sdkProviders';
import type { AwsCredentialIdentity } from '../types';

/** The credentials of one signer. @internal */
export interface CredentialSource {
  /** Resolves credentials for one request, naming the source when it fails or takes too long. */
  resolve(request: { method: string; url: URL }): Promise<AwsCredentialIdentity>;
  /** The cached credentials while they need no refresh, at once (no turn waited); else undefined. */
  warm(): AwsCredentialIdentity | undefined;
  /** The server refused `used` (invalid or expired token): resolve afresh next time. */
  forget(used: AwsCredentialIdentity): void;
}

/** An answer of a credential source that cannot sign: what is wrong with it, no value. */
class UnusableCredentials extends Error {}

const isFilledString = (value: unknown): value is string =>
  typeof value === 'string' && value !== '';

/** A provider's `expiration` as a Date: a Date, or an ISO string as some sources write it. */
function expirationOf(value: unknown): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new UnusableCredentials('an `expiration` that is not a valid date');
  }
  return date;
}

/**
 * What a provider answered, checked before it is cached (an Invalid Date would otherwise be
 * cached for ever): non-empty keys, a session token that is a non-empty string if any, an
 * expiration in the future.
 */
function checkIdentity(value: unknown): AwsCredentialIdentity {
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = (value ?? {}) as Record<
    string,
    unknown
  >;
  if (!isFilledString(accessKeyId)) throw new UnusableCredentials('no `accessKeyId`');
  if (!isFilledString(secretAccessKey)) throw new UnusableCredentials('no `secretAccessKey`');
  if (sessionToken !== undefined && !isFilledString(sessionToken)) {
    throw new UnusableCredentials('a `sessionToken` that is not a non-empty string');
  }
  const expires = expirationOf(expiration);
  if (expires && expires.getTime() <= Date.now()) {
    throw new UnusableCredentials(`credentials that expired at ${expires.toISOString()}`);
  }
  const identity = value as AwsCredentialIdentity;
  return expires === expiration ? identity : { ...identity, expiration: expires };
}

/** Rejects after `ms` unless `work` settles first; the timer never holds the process open. */
function within<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    (timer as { unref?: () => void }).unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The cache's events as debug lines, naming the source; no secret is in any of them. */
function cacheLog(log: DebugLog | undefined, source: string) {
  if (!log) return undefined;
  return (event: CacheEvent) => {
    const { event: what, ...details } = event;
    const error = 'error' in details ? safeCause(details.error) : undefined;
    log(`credentials: ${what}`, {
      source,
      ...details,
      ...(error !== undefined && { error: String((error as Error).message ?? error) }),
    });
  };
}

/**
 * The credentials of a signer: the user's provider or the SDK's default chain, behind the
 * process-wide cache (static credentials are wrapped in a provider of the signer's own). Each
 * resolution is bounded by `credentialsTimeoutMs`: a source that never answers fails the request
 * with a typed error instead of hanging it, while the resolution itself may still serve others.
 * @internal
 */
export function credentialSource(options: ResolvedOptions): CredentialSource {
  const { name: source, fix } = options.credentialsSource;
  const base = options.credentials ?? defaultCredentialProvider();
  const timeoutMs = options.credentialsTimeoutMs;
  const provider = cachedCredentials(base, {
    refreshMarginMs: options.refreshMarginMs,
    timeoutMs,
    check: checkIdentity,
    onEvent: cacheLog(options.log, source),
  });
  const forget = (used: AwsCredentialIdentity) => {
    // The SDK's chain memoizes on its own; it must forget too, or it hands back the same keys.
    if (forgetCachedCredentials(base, used) && base === defaultCredentialProvider()) {
      resetDefaultCredentialChain();
    }
  };
  const resolve: CredentialSource['resolve'] = async ({ method, url }) => {
    // A warm request waits on nothing, so it needs no timer (one per request costs more than
    // the rest of finding its credentials).
    const warm = provider.warm();
    if (warm) return warm;
    const timedOut = () =>
      new SigV4CredentialsError(
        'CREDENTIALS_TIMEOUT',
        `No AWS credentials from ${source} within ${timeoutMs} ms`,
        `${fix}; if the source is just slow, raise the \`credentialsTimeoutMs\` option`,
        { method, url },
      );
    try {
      return await within(provider(), timeoutMs, timedOut);
    } catch (cause) {
      if (isSigV4Error(cause)) throw cause;
      if (cause instanceof UnusableCredentials) {
        throw new SigV4CredentialsError(
          'NO_CREDENTIALS',
          `${source} returned ${cause.message}`,
          fix,
          { method, url },
        );
      }
      const missing = sdkProvidersMissing(cause); // the real cause, not the sources never tried
      throw new SigV4CredentialsError(
        'NO_CREDENTIALS',
        missing?.what ?? `Could not resolve AWS credentials from ${source}`,
        missing?.fix ?? fix,
        { method, url, cause },
      );
    }
  };
  return { resolve, warm: provider.warm, forget };
}
