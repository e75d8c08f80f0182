import { cachedCredentials, forgetCachedCredentials } from './credentials';
import { defaultCredentialProvider, resetDefaultCredentialChain } from './defaultCredentials';
import { SigV4CredentialsError, isSigV4Error } from './errors';
import type { ResolvedOptions } from './options';
import { sdkProvidersMissing } from './sdkProviders';
import type { AwsCredentialIdentity } from './types';

/** The credentials of one signer. @internal */
export interface CredentialSource {
  /** Resolves credentials for one request, naming the source when it fails. */
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

/**
 * The credentials of a signer: the user's provider or the SDK's default chain, behind the
 * process-wide cache (static credentials are wrapped in a provider of the signer's own).
 * @internal
 */
export function credentialSource(options: ResolvedOptions): CredentialSource {
  const { name: source, fix } = options.credentialsSource;
  const base = options.credentials ?? defaultCredentialProvider;
  const provider = cachedCredentials(base, {
    ...options,
    check: (credentials) => checkIdentity(credentials, source),
  });
  const forget = (used: AwsCredentialIdentity) => {
    // The SDK's chain memoizes on its own; it must forget too, or it hands back the same keys.
    if (forgetCachedCredentials(base, used) && base === defaultCredentialProvider) {
      resetDefaultCredentialChain();
    }
  };
  const resolve: CredentialSource['resolve'] = async ({ method, url }) => {
    try {
      return await provider();
    } catch (cause) {
      if (isSigV4Error(cause)) throw cause;
      const missing = sdkProvidersMissing(cause); // the real cause, not the sources never tried
      throw new SigV4CredentialsError(
        'NO_CREDENTIALS',
        missing?.what ?? `Could not resolve AWS credentials from ${source}`,
        missing?.fix ?? fix,
        { method, url, cause },
      );
    }
  };
  return { resolve, forget };
}
