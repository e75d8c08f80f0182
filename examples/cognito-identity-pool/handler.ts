/**
 * Calls an IAM-protected API with Amazon Cognito identity pool credentials instead of the
 * execution role: as a guest (the pool's unauthenticated role), or as the signed-in user when the
 * event carries the user's Cognito user pool ID token (the pool's authenticated role, so IAM
 * policies can use the user's identity). Works the same from a Node script: `await handler({})`.
 * Environment: API_URL, IDENTITY_POOL_ID, USER_POOL_ID (for signed-in users); SIGNING_REGION and
 * SIGNING_SERVICE only when the host does not tell them.
 */
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { createSignedFetch, diagnose, formatDiagnosis } from 'aws-sigv4-interceptor';

const { API_URL, IDENTITY_POOL_ID, USER_POOL_ID, SIGNING_REGION, SIGNING_SERVICE } = process.env;
if (!API_URL || !IDENTITY_POOL_ID) {
  throw new Error(
    'Set API_URL and IDENTITY_POOL_ID, e.g. eu-west-1:0f7e6d5c-1234-4abc-9def-0123456789ab',
  );
}
// The identity pool's region is the prefix of its id.
const clientConfig = { region: IDENTITY_POOL_ID.split(':')[0] };

const poolCredentials = (idToken?: string) =>
  fromCognitoIdentityPool({
    identityPoolId: IDENTITY_POOL_ID,
    clientConfig,
    // The user pool is the identity provider: `cognito-idp.<region>.amazonaws.com/<user pool id>`.
    logins:
      idToken && USER_POOL_ID
        ? { [`cognito-idp.${USER_POOL_ID.split('_')[0]}.amazonaws.com/${USER_POOL_ID}`]: idToken }
        : undefined,
  });

const signedFetchFor = (idToken?: string) =>
  createSignedFetch({
    credentials: poolCredentials(idToken),
    region: SIGNING_REGION,
    service: SIGNING_SERVICE,
  });

// The guest client is made once per execution environment: one Cognito identity and its cached
// credentials serve every warm invocation. A signed-in user's client is made per invocation.
const guestFetch = signedFetchFor();

export const handler = async (event: { idToken?: string } = {}): Promise<unknown> => {
  const signedFetch = event.idToken ? signedFetchFor(event.idToken) : guestFetch;
  // A refused ID token rejects with a SigV4CredentialsError whose cause is Cognito's
  // NotAuthorizedException; nothing is sent then.
  const response = await signedFetch(`${API_URL}/scores`);
  if (!response.ok) {
    const diagnosis = await diagnose(response);
    if (diagnosis) console.error(formatDiagnosis(diagnosis));
    throw new Error(`GET scores failed: HTTP ${response.status} ${await response.text()}`);
  }
  return response.json();
};
