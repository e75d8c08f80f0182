/** The parts of @aws-sdk/credential-providers this package uses. @internal */
export type SdkCredentialProviders = Pick<
  typeof import('@aws-sdk/credential-providers'),
  'fromNodeProviderChain' | 'fromTemporaryCredentials'
>;

let loading: Promise<SdkCredentialProviders> | undefined;

/**
 * Loads the SDK's providers on first use only: importing this package stays light, and a Lambda
 * that signs with its execution role's environment keys pays for the chain only when it asks.
 * A failed load is not remembered, so the next request tries again.
 * @internal
 */
export function loadSdkProviders(): Promise<SdkCredentialProviders> {
  loading ??= import('@aws-sdk/credential-providers').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
