/** The parts of @aws-sdk/credential-providers this package uses. @internal */
export type SdkCredentialProviders = Pick<
  typeof import('@aws-sdk/credential-providers'),
  'fromNodeProviderChain' | 'fromTemporaryCredentials'
>;

/**
 * Named through a variable so that a bundled Lambda handler does not carry the whole provider
 * chain (about 290 KB) for the case that needs none of it: the execution role's keys are in the
 * environment. When it is needed (SnapStart, `assumeRole`, profiles), it is loaded at run time
 * from node_modules or, in Lambda, from the SDK the runtime provides.
 */
const SDK_PROVIDERS = '@aws-sdk/credential-providers';

let loading: Promise<SdkCredentialProviders> | undefined;

/**
 * Loads the SDK's providers on first use only. A failed load is not remembered, so the next
 * request tries again.
 * @internal
 */
export function loadSdkProviders(): Promise<SdkCredentialProviders> {
  loading ??= (import(SDK_PROVIDERS) as Promise<SdkCredentialProviders>).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
