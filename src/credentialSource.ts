import { cachedCredentials, forgetCachedCredentials, type CacheEvent } from './credentials';
import type { DebugLog } from './debug';
import { defaultCredentialProvider, resetDefaultCredentialChain } from './defaultCredentials';
import { SigV4CredentialsError, isSigV4Error } from './errors';
import type { ResolvedOptions } from './options';
import { safeCause } from './safeCause';
import type { AwsCredentialIdentity } from './types';

/** The credentials of one signer. @internal */
export interface CredentialSource {
  /** Resolves credentials for one request, naming the source when it fails or takes too long. */
  resolve(request: { method: string; url: URL }): Promise<AwsCredentialIdentity>;
  /** The server refused `used` (invalid or expired token): resolve afresh next time. */
  forget(used: AwsCredentialIdentity): void;
}

function checkIdentity(value: unknown, source: string): AwsCredentialIdentity {
  const identity = value as Partial<AwsCredentialIdentity> | undefined;
  if (typeof identity?.accessKeyId !== 'string' || typeof identity.secretAccessKey !== 'string') {
    throw new TypeError(`${source} returned no accessKeyId/secretAccessKey`);
  }
  if (identity.expiration && identity.expiration.getTime() <= Date.now()) {
    throw new TypeError(
      `${source} returned credentials that expired at ${identity.expiration.toISOString()}`,
    );
  }
  return identity as AwsCredentialIdentity;
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
  const base = options.credentials ?? defaultCredentialProvider;
  const timeoutMs = options.credentialsTimeoutMs;
  const provider = cachedCredentials(base, {
    refreshMarginMs: options.refreshMarginMs,
    timeoutMs,
    check: (credentials) => checkIdentity(credentials, source),
    onEvent: cacheLog(options.log, source),
  });
  const forget = (used: AwsCredentialIdentity) => {
    // The SDK's chain memoizes on its own; it must forget too, or it hands back the same keys.
    if (forgetCachedCredentials(base, used) && base === defaultCredentialProvider) {
      resetDefaultCredentialChain();
    }
  };
  const resolve: CredentialSource['resolve'] = async ({ method, url }) => {
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
      throw new SigV4CredentialsError(
        'NO_CREDENTIALS',
        `Could not resolve AWS credentials from ${source}`,
        fix,
        { method, url, cause },
      );
    }
  };
  return { resolve, forget };
}
