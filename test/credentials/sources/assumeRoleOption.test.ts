/**
 * The `assumeRole` option: STS AssumeRole made by this package (through the SDK's
 * fromTemporaryCredentials) with the default chain, or `credentials`, as base. Signers created
 * on every invocation with the same settings share one cache entry; other settings never do.
 */
import { createSignedFetch, SigV4OptionsError, type SigV4Options } from 'aws-sigv4-interceptor';
import { startLocalStsEndpoint, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { leaksOf } from '../../errors/support';
import { startedBeforeEach } from '../../support/startedServers';
import { apiAcceptingIssuedKeys } from './apiAcceptingIssuedKeys';
import { isolateAwsEnvironment, REGION, signedClients, verifiedWith } from './support';

const environment = isolateAwsEnvironment();

const ORDERS_ROLE = 'arn:aws:iam::210987654321:role/OrdersApiCaller';
const BILLING_ROLE = 'arn:aws:iam::210987654321:role/BillingApiCaller';

const { api, accepted } = apiAcceptingIssuedKeys();
const sts = startedBeforeEach(() =>
  startLocalStsEndpoint({
    callers: [TEST_CREDENTIALS],
    roles: [{ roleArn: ORDERS_ROLE, externalId: 'orders-5150' }, { roleArn: BILLING_ROLE }],
    registerWith: accepted(),
  }),
);

/** Lambda-style base credentials in the environment, for the default chain. */
function lambdaEnvironment(): void {
  environment.useEnv({
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: TEST_CREDENTIALS.sessionToken,
  });
}

const assumeRole = (roleArn: string, externalId?: string): SigV4Options['assumeRole'] => ({
  roleArn,
  externalId,
  sessionName: 'option-test',
  endpoint: sts.url,
  region: REGION,
});

test('base from the default chain (Lambda env keys): both clients verify with the role, one AssumeRole', async () => {
  lambdaEnvironment();
  const clients = signedClients(undefined, { assumeRole: assumeRole(ORDERS_ROLE, 'orders-5150') });
  const outcomes = await clients.concurrently(`${api.url}/prod/orders`, 20);
  expect(sts.calls.AssumeRole).toBe(1);
  expect(outcomes).toEqual(Array(20).fill(verifiedWith(sts.issued[0].accessKeyId)));
  expect(sts.issued[0].arn).toBe(
    'arn:aws:sts::210987654321:assumed-role/OrdersApiCaller/option-test',
  );
});

test('signers created per invocation with the same settings share one cache entry', async () => {
  lambdaEnvironment();
  for (let invocation = 0; invocation < 5; invocation++) {
    const signedFetch = createSignedFetch({
      region: REGION,
      service: 'execute-api',
      assumeRole: assumeRole(BILLING_ROLE),
    });
    expect((await signedFetch(`${api.url}/prod/invoices`)).status).toBe(200);
  }
  expect(sts.calls.AssumeRole).toBe(1);
});

test('100 Lambda-style invocations, each with its own signer over static keys written anew: one AssumeRole', async () => {
  for (let invocation = 0; invocation < 100; invocation++) {
    const signedFetch = createSignedFetch({
      region: REGION,
      service: 'execute-api',
      credentials: { ...TEST_CREDENTIALS }, // a new object each time, as `process.env` reads give
      assumeRole: assumeRole(BILLING_ROLE),
    });
    expect((await signedFetch(`${api.url}/prod/invoices`)).status).toBe(200);
  }
  expect(sts.calls.AssumeRole).toBe(1);
});

test('static keys with another secret (or token) under the same key id are another base', async () => {
  const base = { ...TEST_CREDENTIALS };
  const other = { ...TEST_CREDENTIALS, sessionToken: `${TEST_CREDENTIALS.sessionToken}x` };
  for (const credentials of [base, other]) {
    createSignedFetch({
      region: REGION,
      service: 'execute-api',
      credentials,
      assumeRole: assumeRole(BILLING_ROLE),
    });
  }
  const { processState } = await import('../../../src/processState');
  const keys = [...processState().assumedRoles.keys()].filter((key) => key.includes(sts.url));
  expect(keys).toHaveLength(2);
  for (const key of keys) {
    expect(key).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    expect(key).not.toContain(TEST_CREDENTIALS.sessionToken);
  }
});

test('two roles, or one role with another base, never share an entry', async () => {
  lambdaEnvironment();
  await signedClients(undefined, { assumeRole: assumeRole(BILLING_ROLE) }).fetch(
    `${api.url}/prod/a`,
  );
  await signedClients(undefined, { assumeRole: assumeRole(ORDERS_ROLE, 'orders-5150') }).fetch(
    `${api.url}/prod/b`,
  );
  const explicitBase = async () => ({ ...TEST_CREDENTIALS });
  await signedClients(explicitBase, { assumeRole: assumeRole(BILLING_ROLE) }).fetch(
    `${api.url}/prod/c`,
  );
  expect(sts.calls.AssumeRole).toBe(3);
  expect(new Set(sts.issued.map((c) => c.accessKeyId)).size).toBe(3);
});

test('a refused AssumeRole is a typed error naming the role, with no secret, and is not cached', async () => {
  lambdaEnvironment();
  const clients = signedClients(undefined, { assumeRole: assumeRole(ORDERS_ROLE, 'wrong-id') });
  const error = await clients.fetch(`${api.url}/prod/orders`).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'SigV4CredentialsError', code: 'NO_CREDENTIALS' });
  expect((error as Error).message).toContain(`STS AssumeRole of ${ORDERS_ROLE}`);
  expect((error as Error).message).toMatch(/sts:AssumeRole/);
  expect(leaksOf(error, [TEST_CREDENTIALS.secretAccessKey, TEST_CREDENTIALS.sessionToken])).toEqual(
    [],
  );
  expect(api.requests).toHaveLength(0);
  await clients.fetch(`${api.url}/prod/orders`).catch(() => undefined);
  expect(sts.calls.AssumeRole).toBe(2);
});

test.each([
  [{ roleArn: 'OrdersApiCaller' }, 'assumeRole.roleArn'],
  [{ roleArn: ORDERS_ROLE, durationSeconds: 60 }, 'assumeRole.durationSeconds'],
  [{ roleArn: ORDERS_ROLE, sessionName: 'has space' }, 'assumeRole.sessionName'],
  [{ roleArn: ORDERS_ROLE, endpoint: 'not a url' }, 'assumeRole.endpoint'],
])('bad settings %j fail up front naming %s', (settings, option) => {
  expect(() => createSignedFetch({ assumeRole: settings })).toThrow(SigV4OptionsError);
  expect(() => createSignedFetch({ assumeRole: settings })).toThrow(`\`${option}\``);
});
