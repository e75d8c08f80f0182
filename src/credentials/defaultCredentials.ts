import { environmentCredentials } from './environmentCredentials';
import { processState } from '../processState';
import { loadSdkProviders } from './sdkProviders';
import type { AwsCredentialProvider } from '../types';

/** The sources the chain tries, in order, for error messages. @internal */
export const DEFAULT_CHAIN_SOURCES =
  'environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), ' +
  'the shared config and credentials files (AWS_PROFILE, with SSO and credential_process), ' +
  'web identity token, ' +
  'the container credentials endpoint (ECS, Lambda SnapStart) and EC2 instance metadata';

/**
 * Resolves credentials as the SDK's default Node provider chain does: the environment first (read
 * here, without loading the chain; in Lambda it answers with no network call), then the chain
 * itself, created on first use only and kept process-wide. Browser bundles never reach it; they
 * pass `credentials` explicitly.
 */
const resolveDefault: AwsCredentialProvider = async () => {
  const fromEnvironment = environmentCredentials();
  if (fromEnvironment) return fromEnvironment;
  const state = processState();
  const chain = (state.defaultChain ??= loadSdkProviders().then(
    ({ fromNodeProviderChain }) => fromNodeProviderChain(),
    (error: unknown) => {
      state.defaultChain = undefined;
      throw error;
    },
  ));
  return (await chain)();
};

/**
 * The default chain's provider. One function for the whole process (whichever copy of this
 * package made it first), so that every copy shares its cache entry and its one resolution.
 * @internal
 */
export function defaultCredentialProvider(): AwsCredentialProvider {
  return (processState().defaultProvider ??= resolveDefault);
}

/** Drops the chain instance (and with it the SDK's own memoized credentials). @internal */
export function resetDefaultCredentialChain(): void {
  processState().defaultChain = undefined;
}
