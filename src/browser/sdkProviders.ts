/**
 * The browser build's src/credentials/sdkProviders.ts (swapped in by tsup.config.ts). The Node module loads
 * @aws-sdk/credential-providers through a variable name, which a page cannot resolve at run time
 * (and bundlers warn about); a literal import would make every page's bundler resolve the SDK's
 * providers, even for pages that never assume a role. So `assumeRole` refuses, naming the fix.
 */
import { SigV4OptionsError } from '../errors';
import type { SdkCredentialProviders } from '../credentials/sdkProviders';

/**
 * Rejects: in a browser the caller passes the SDK's provider as `credentials` instead.
 * @internal
 */
export function loadSdkProviders(): Promise<SdkCredentialProviders> {
  return Promise.reject(
    new SigV4OptionsError(
      'INVALID_OPTIONS',
      'The `assumeRole` option is not available in browsers',
      'pass `credentials: fromTemporaryCredentials({ masterCredentials, params: { RoleArn } })` from @aws-sdk/credential-providers instead',
    ),
  );
}

/**
 * Never: a page never loads the SDK's providers by name, so none can be missing.
 * @internal
 */
export function sdkProvidersMissing(_error: unknown): undefined {
  return undefined;
}
