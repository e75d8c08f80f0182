import { environmentCredentials } from './environmentCredentials';
import { loadSdkProviders } from './sdkProviders';
import type { AwsCredentialProvider } from './types';

/**
 * The AWS SDK's Node provider chain, created on first use only; in Lambda its first link
 * (environment variables) answers with no network call. Browser bundles never reach it; they pass
 * `credentials` explicitly.
 */
let chain: Promise<AwsCredentialProvider> | undefined;

/** The sources the chain tries, in order, for error messages. @internal */
export const DEFAULT_CHAIN_SOURCES =
  'environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), ' +
  'the shared config and credentials files (AWS_PROFILE, with SSO and credential_process), ' +
  'web identity token, ' +
  'the container credentials endpoint (ECS, Lambda SnapStart) and EC2 instance metadata';

/**
 * Resolves credentials as the SDK's default Node provider chain does: the environment first (read
 * here, without loading the chain), then the chain itself.
 * @internal
 */
export const defaultCredentialProvider: AwsCredentialProvider = async () => {
  const fromEnvironment = environmentCredentials();
  if (fromEnvironment) return fromEnvironment;
  chain ??= loadSdkProviders().then(
    ({ fromNodeProviderChain }) => fromNodeProviderChain(),
    (error: unknown) => {
      chain = undefined;
      throw error;
    },
  );
  return (await chain)();
};

/** Drops the chain instance (and with it the SDK's own memoized credentials). @internal */
export function resetDefaultCredentialChain(): void {
  chain = undefined;
}
