import { cachedCredentials } from './credentials';
import { DEFAULT_CHAIN_SOURCES, defaultCredentialProvider } from './defaultCredentials';
import { SigV4CredentialsError, isSigV4Error } from './errors';
import type { ResolvedOptions } from './options';
import type { AwsCredentialIdentity } from './types';

/** Resolves credentials for one request, naming the source when it fails. @internal */
export type CredentialSource = (request: {
  method: string;
  url: URL;
}) => Promise<AwsCredentialIdentity>;

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
  const source = options.credentials ? 'the `credentials` option' : DEFAULT_CHAIN_SOURCES;
  const provider = cachedCredentials(options.credentials ?? defaultCredentialProvider, {
    ...options,
    check: (credentials) => checkIdentity(credentials, source),
  });
  return async ({ method, url }) => {
    try {
      return await provider();
    } catch (cause) {
      if (isSigV4Error(cause)) throw cause;
      throw new SigV4CredentialsError(
        'NO_CREDENTIALS',
        `Could not resolve AWS credentials from ${source}`,
        options.credentials
          ? 'check the provider passed as `credentials` (see the cause)'
          : 'set credentials in one of those places (in Lambda the execution role provides them) or pass the `credentials` option',
        { method, url, cause },
      );
    }
  };
}
