/**
 * examples/cognito-identity-pool: the SDK's fromCognitoIdentityPool, pointed at a local Cognito
 * identity service the way the SDK is pointed at any endpoint (AWS_ENDPOINT_URL_COGNITO_IDENTITY);
 * the API accepts only the keys that service issues, never the execution role's.
 */
import {
  startLocalCognitoIdentityEndpoint,
  type TestIdentity,
} from 'aws-sigv4-interceptor/testing';
import { startedBeforeEach } from '../support/startedServers';
import { coldStart, lambdaEnvironment, localEndpointBeforeEach, REGION } from './support';

type Example = typeof import('../../examples/cognito-identity-pool/handler');

lambdaEnvironment();

const USER_POOL_ID = `${REGION}_AbCdEf123`;
const USER_POOL = `cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`;
const ALICE_ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.alice-id-token.c2lnbmF0dXJl';

let poolNumber = 0;
let identityPoolId: string;
let accepted: TestIdentity[];
beforeEach(() => {
  // A pool id of its own per test: the SDK remembers guest identity ids per pool id.
  poolNumber += 1;
  identityPoolId = `${REGION}:00000000-0000-4000-8000-${String(poolNumber).padStart(12, '0')}`;
  accepted = [];
});
const api = localEndpointBeforeEach(() => ({
  service: 'execute-api',
  credentials: accepted,
  integration: (echo) => ({ status: 200, body: { scores: [42], caller: echo.accessKeyId } }),
}));
const cognito = startedBeforeEach(() =>
  startLocalCognitoIdentityEndpoint({
    identityPools: [{ identityPoolId, logins: { [USER_POOL]: [ALICE_ID_TOKEN] } }],
    registerWith: accepted,
  }),
);
let handler: Example['handler'];
beforeEach(async () => {
  ({ handler } = await coldStart<Example>('cognito-identity-pool', {
    API_URL: `${api.url}/prod`,
    IDENTITY_POOL_ID: identityPoolId,
    USER_POOL_ID,
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: 'execute-api',
    AWS_ENDPOINT_URL_COGNITO_IDENTITY: cognito.url,
  }));
});

test('guest: three warm invocations, one identity, one set of credentials, all verified', async () => {
  const answers = [await handler({}), await handler({}), await handler()];

  expect(cognito.calls).toEqual({ GetId: 1, GetCredentialsForIdentity: 1 });
  expect(answers).toEqual(Array(3).fill({ scores: [42], caller: cognito.issued[0].accessKeyId }));
});

test("signed-in user: the ID token from the event gets the user's own identity and keys", async () => {
  await handler({}); // a guest first, in the same environment
  const answer = await handler({ idToken: ALICE_ID_TOKEN });

  const [guest, alice] = cognito.issued;
  expect(answer).toEqual({ scores: [42], caller: alice.accessKeyId });
  expect(alice.issuedFor).not.toBe(guest.issuedFor);
  expect(alice.arn).not.toBe(guest.arn);
});

test('a refused ID token: a typed credentials error, with Cognito refusal as its cause; nothing sent', async () => {
  const forged = 'eyJhbGciOiJSUzI1NiJ9.mallory-token.Zm9yZ2Vk';

  const error = await handler({ idToken: forged }).catch((e: unknown) => e);

  expect(error).toMatchObject({
    name: 'SigV4CredentialsError',
    code: 'NO_CREDENTIALS',
    cause: { name: 'NotAuthorizedException' },
  });
  expect(String((error as Error).message)).not.toContain(forged);
  expect(api.requests).toHaveLength(0);
});
