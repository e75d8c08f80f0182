/**
 * examples/cross-account-assume-role: the execution role (env keys) assumes a role of another
 * account through a local STS, reached the way the SDK is pointed at any STS endpoint
 * (AWS_ENDPOINT_URL_STS, as for a VPC endpoint without private DNS); the other account's API
 * accepts only the assumed role's keys, and only for that role's ARN.
 */
import { isSigV4Error } from 'aws-sigv4-interceptor';
import {
  startLocalStsEndpoint,
  TEST_CREDENTIALS,
  type TestIdentity,
} from 'aws-sigv4-interceptor/testing';
import { startedBeforeEach } from '../support/startedServers';
import {
  coldStart,
  FUNCTION_NAME,
  lambdaEnvironment,
  localEndpointBeforeEach,
  REGION,
} from './support';

type Example = typeof import('../../examples/cross-account-assume-role/handler');

lambdaEnvironment();

const OTHER_ACCOUNT = '210987654321';
const ROLE_ARN = `arn:aws:iam::${OTHER_ACCOUNT}:role/OrdersApiCaller`;
const ASSUMED_ROLE = `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/OrdersApiCaller/${FUNCTION_NAME}`;

let accepted: TestIdentity[]; // the other account knows only what its STS issues
beforeEach(() => {
  accepted = [];
});
const api = localEndpointBeforeEach(() => ({
  service: 'execute-api',
  accountId: OTHER_ACCOUNT,
  credentials: accepted,
  authorize: (invoke) => invoke.principalArn === ASSUMED_ROLE,
  integration: (echo) => ({ status: 200, body: { orders: [], query: echo.query } }),
}));
const sts = startedBeforeEach(() =>
  startLocalStsEndpoint({
    region: REGION,
    callers: [TEST_CREDENTIALS], // the execution role
    roles: [{ roleArn: ROLE_ARN, externalId: 'orders-5150' }],
    registerWith: accepted,
  }),
);

const start = (externalId: string) =>
  coldStart<Example>('cross-account-assume-role', {
    API_URL: `${api.url}/prod`,
    ROLE_ARN,
    EXTERNAL_ID: externalId,
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: 'execute-api',
    AWS_ENDPOINT_URL_STS: sts.url,
  });

test('five warm invocations: one AssumeRole; the API verifies the assumed role every time', async () => {
  const { handler } = await start('orders-5150');

  for (let invocation = 0; invocation < 5; invocation++) {
    await expect(handler({ status: 'open' })).resolves.toEqual({
      orders: [],
      query: [['status', 'open']],
    });
  }

  expect(sts.calls.AssumeRole).toBe(1);
  expect(sts.issued[0].arn).toBe(ASSUMED_ROLE);
  expect(api.requests.map(({ result }) => result.ok && result.accessKeyId)).toEqual(
    Array(5).fill(sts.issued[0].accessKeyId),
  );
  expect(sts.issued[0].accessKeyId).not.toBe(TEST_CREDENTIALS.accessKeyId);
});

test('a wrong external ID: a typed credentials error naming the role; nothing reaches the API', async () => {
  const { handler } = await start('guessed-id');

  const error = await handler().catch((e: unknown) => e);

  // The handler's copy of the package is its own (a fresh module registry): compare by name.
  expect(error).toMatchObject({ name: 'SigV4CredentialsError', code: 'NO_CREDENTIALS' });
  expect(isSigV4Error(error)).toBe(true);
  expect((error as Error).message).toContain(ROLE_ARN);
  expect(api.requests).toHaveLength(0);
});
