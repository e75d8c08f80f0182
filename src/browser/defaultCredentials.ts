/**
 * The browser build's src/credentials/defaultCredentials.ts (swapped in by tsup.config.ts): a page has no
 * environment, no shared files and no instance metadata, so there is no default chain; the AWS
 * SDK's Node chain (and every Node built-in behind it) stays out of the bundle.
 */
import { SigV4CredentialsError } from '../errors';
import type { AwsCredentialProvider } from '../types';

/** The sources the chain tries, in order, for error messages: none in a browser. @internal */
export const DEFAULT_CHAIN_SOURCES = 'no default source (a browser has no AWS credential chain)';

/** Refuses: a browser signer needs the `credentials` option. */
const refuse: AwsCredentialProvider = () =>
  Promise.reject(
    new SigV4CredentialsError(
      'NO_CREDENTIALS',
      'No AWS credentials: a browser has no default credential chain',
      'pass the `credentials` option, e.g. fromCognitoIdentityPool({ identityPoolId, logins, clientConfig: { region } }) from @aws-sdk/credential-providers',
    ),
  );

/**
 * The provider that refuses, as the Node module's default chain stands in its place.
 * @internal
 */
export const defaultCredentialProvider = (): AwsCredentialProvider => refuse;

/** Nothing to drop: there is no chain. @internal */
export function resetDefaultCredentialChain(): void {}
