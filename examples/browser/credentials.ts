/**
 * The identity pool's credentials for a page: the signed-in user's ID token as the login (none: a
 * guest), Cognito identity at `cognitoEndpoint` when given. One provider per page: every signer
 * given it shares one entry of the package's cache, so the page signs in to Cognito once.
 */
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import type { AwsCredentialProvider } from 'aws-sigv4-interceptor';
import type { PageConfig } from './config';

/** The provider; `onIdentity` hears whose credentials arrived (the Cognito identity id). */
export function poolCredentials(
  config: PageConfig,
  onIdentity: (identityId: string) => void,
): AwsCredentialProvider {
  const region = config.identityPoolId.split(':')[0];
  const userPool = config.userPoolId && `cognito-idp.${region}.amazonaws.com/${config.userPoolId}`;
  const pool = fromCognitoIdentityPool({
    identityPoolId: config.identityPoolId,
    logins: userPool && config.idToken ? { [userPool]: config.idToken } : undefined,
    clientConfig: { region, endpoint: config.cognitoEndpoint },
  });
  return async () => {
    const credentials = await pool();
    onIdentity(credentials.identityId);
    return credentials;
  };
}
