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

/**
 * The error to show when the providers cannot be loaded at all: the package is not installed, or
 * a bundler left it out (esbuild cannot follow the variable name above). Without this, the
 * message would list sources that were never tried, and "Cannot find package" would hide in
 * `cause`.
 * @returns what failed and how to fix it, or undefined for any other error
 * @internal
 */
export function sdkProvidersMissing(error: unknown): { what: string; fix: string } | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  if (typeof message !== 'string' || !message.includes(SDK_PROVIDERS)) return undefined;
  return {
    what:
      `Cannot find package ${SDK_PROVIDERS} (not installed, or left out of a bundle), which ` +
      'every credential source but the environment variables needs (SnapStart and container ' +
      'credentials, profiles and SSO, web identity, instance metadata, `assumeRole`)',
    fix:
      `install it (npm install ${SDK_PROVIDERS}) and ship node_modules with your code, or ` +
      `bundle it: import { fromNodeProviderChain } from '${SDK_PROVIDERS}' yourself and pass ` +
      '`credentials: fromNodeProviderChain()` (for `assumeRole`: `credentials: ' +
      'fromTemporaryCredentials({ params: { RoleArn } })`)',
  };
}
