/**
 * STS AssumeRole (cross-account calls): the SDK's real fromTemporaryCredentials() with
 * `clientConfig.endpoint` on a local STS, which itself checks that AssumeRole is SigV4-signed
 * (service `sts`) by the base identity and that the ExternalId matches the role's.
 */
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { createSignedFetch, SigV4CredentialsError } from 'aws-sigv4-interceptor';
import {
  startLocalStsEndpoint,
  TEST_CREDENTIALS,
  type LocalStsRole,
} from 'aws-sigv4-interceptor/testing';
import { leaksOf } from '../../errors/support';
import { startedByTest } from '../../support/startedServers';
import { apiAcceptingIssuedKeys } from './apiAcceptingIssuedKeys';
import {
  expectRefreshedOnce,
  isolateAwsEnvironment,
  REGION,
  signedClients,
  sleepUntil,
  verifiedWith,
} from './support';

isolateAwsEnvironment();

const ORDERS_ROLE = 'arn:aws:iam::210987654321:role/OrdersApiCaller';
const BILLING_ROLE = 'arn:aws:iam::210987654321:role/BillingApiCaller';
const EXTERNAL_ID = 'orders-external-id-5150';

let roles: LocalStsRole[];
beforeEach(() => {
  roles = [{ roleArn: ORDERS_ROLE, externalId: EXTERNAL_ID }, { roleArn: BILLING_ROLE }];
});
const { api, accepted } = apiAcceptingIssuedKeys();
const [sts, startSts] = startedByTest((lifetimeMs?: number) =>
  startLocalStsEndpoint({
    callers: [TEST_CREDENTIALS],
    roles,
    registerWith: accepted(),
    lifetimeMs,
  }),
);

/** The SDK provider as a user writes it; the base credentials are a copy (see the last test). */
const assumeRole = (roleArn: string, externalId?: string) =>
  fromTemporaryCredentials({
    masterCredentials: { ...TEST_CREDENTIALS },
    params: { RoleArn: roleArn, RoleSessionName: 'sigv4-test', ExternalId: externalId },
    clientConfig: { endpoint: sts.url, region: REGION },
  });

test('fetch and axios verify with the assumed role; 20 concurrent requests make one signed AssumeRole', async () => {
  await startSts();
  const clients = signedClients(assumeRole(ORDERS_ROLE, EXTERNAL_ID));

  const outcomes = await clients.concurrently(`${api.url}/prod/orders`, 20);

  expect(sts.calls).toEqual({ AssumeRole: 1, AssumeRoleWithWebIdentity: 0 });
  expect(outcomes).toEqual(Array(20).fill(verifiedWith(sts.issued[0].accessKeyId)));
  expect(sts.issued[0]).toMatchObject({
    issuedFor: ORDERS_ROLE,
    arn: 'arn:aws:sts::210987654321:assumed-role/OrdersApiCaller/sigv4-test',
  });
  // The base identity itself never signed a request to the API.
  expect(
    api.requests.every(
      ({ result }) => result.ok && result.accessKeyId !== TEST_CREDENTIALS.accessKeyId,
    ),
  ).toBe(true);
});

test('refreshed once at expiration - refreshMarginMs; the lapsed keys are then refused by the API', async () => {
  await startSts(1500);
  const marginMs = 1000;
  const clients = signedClients(assumeRole(ORDERS_ROLE, EXTERNAL_ID), {
    refreshMarginMs: marginMs,
  });

  await expectRefreshedOnce(clients, `${api.url}/prod/orders`, sts.issued, marginMs);
  expect(sts.calls.AssumeRole).toBe(2);

  // An honest oracle: the first keys really lapse at the API at their expiration.
  await sleepUntil(sts.issued[0].expiration.getTime());
  const { accessKeyId, secretAccessKey, sessionToken } = sts.issued[0];
  const stale = createSignedFetch({
    region: REGION,
    service: 'execute-api',
    credentials: { accessKeyId, secretAccessKey, sessionToken },
  });
  const response = await stale(`${api.url}/prod/orders`);
  expect(response.status).toBe(403);
  expect(response.headers.get('x-amzn-errortype')).toBe('ExpiredTokenException');
  await response.arrayBuffer();
});

test('two roles: two cache entries, two AssumeRole calls, each request signed by its own role', async () => {
  await startSts();
  const orders = signedClients(assumeRole(ORDERS_ROLE, EXTERNAL_ID));
  const billing = signedClients(assumeRole(BILLING_ROLE));

  const [ordersOutcomes, billingOutcomes] = await Promise.all([
    orders.concurrently(`${api.url}/prod/orders`, 10),
    billing.concurrently(`${api.url}/prod/invoices`, 10),
  ]);

  expect(sts.calls.AssumeRole).toBe(2);
  const keyOf = (roleArn: string) =>
    sts.issued.find((issued) => issued.issuedFor === roleArn)!.accessKeyId;
  expect(keyOf(ORDERS_ROLE)).not.toBe(keyOf(BILLING_ROLE));
  expect(ordersOutcomes).toEqual(Array(10).fill(verifiedWith(keyOf(ORDERS_ROLE))));
  expect(billingOutcomes).toEqual(Array(10).fill(verifiedWith(keyOf(BILLING_ROLE))));
});

test('a wrong ExternalId: AccessDenied as a typed error, nothing sent; the failure is not cached', async () => {
  await startSts();
  roles[0].externalId = 'the-trust-policy-now-wants-this';
  const clients = signedClients(assumeRole(ORDERS_ROLE, EXTERNAL_ID));

  const error = await clients.axios(`${api.url}/prod/orders`).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(SigV4CredentialsError);
  expect(error).toMatchObject({ code: 'NO_CREDENTIALS' });
  const cause = (error as Error).cause as Error;
  expect(cause).toMatchObject({ name: 'AccessDenied' });
  expect(cause.message).toBe(
    `User: arn:aws:iam::123456789012:user/${TEST_CREDENTIALS.accessKeyId} is not authorized to perform: sts:AssumeRole on resource: ${ORDERS_ROLE}`,
  );
  for (const text of [(error as Error).message, String((error as Error).stack), cause.message]) {
    expect(text).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    expect(text).not.toContain(TEST_CREDENTIALS.sessionToken);
  }
  expect(api.requests).toHaveLength(0);
  expect(sts.issued).toHaveLength(0);

  roles[0].externalId = EXTERNAL_ID; // the trust policy is fixed: the next request assumes again
  expect(await clients.fetch(`${api.url}/prod/orders`)).toEqual(
    verifiedWith(sts.issued[0].accessKeyId),
  );
  expect(sts.calls.AssumeRole).toBe(2);
});

/**
 * The SDK's exception carries `$response.body.req`, the outgoing ClientRequest, whose headers hold
 * the base credentials' `x-amz-security-token`: util.inspect(error), as console.log prints it,
 * would show the session token. The error's `cause` is a sanitized copy (src/safeCause.ts).
 */
test('no rendering of an AssumeRole failure holds the base session token or secret', async () => {
  await startSts();
  roles[0].externalId = 'the-trust-policy-now-wants-this';
  const error = await signedClients(assumeRole(ORDERS_ROLE, EXTERNAL_ID))
    .fetch(`${api.url}/prod/orders`)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SigV4CredentialsError);
  expect(leaksOf(error, [TEST_CREDENTIALS.secretAccessKey, TEST_CREDENTIALS.sessionToken])).toEqual(
    [],
  );
});

test('the local STS verifies the AssumeRole signature: other base keys get InvalidClientTokenId', async () => {
  await startSts();
  const provider = fromTemporaryCredentials({
    masterCredentials: {
      accessKeyId: 'AKIAUNKNOWNCALLER001',
      secretAccessKey: 'unknown/Secret+Key/000000000000000000000',
    },
    params: { RoleArn: BILLING_ROLE },
    clientConfig: { endpoint: sts.url, region: REGION },
  });
  const error = await signedClients(provider)
    .fetch(`${api.url}/prod/invoices`)
    .catch((e: unknown) => e);

  expect(error).toBeInstanceOf(SigV4CredentialsError);
  expect((error as Error).cause).toMatchObject({ name: 'InvalidClientTokenId' });
  expect(sts.calls.AssumeRole).toBe(1);
  expect(api.requests).toHaveLength(0);
});

test('SDK surprise: frozen static masterCredentials make fromTemporaryCredentials throw a TypeError', async () => {
  await startSts();
  // TEST_CREDENTIALS is frozen; the SDK writes a `$source` property onto static credentials.
  const provider = fromTemporaryCredentials({
    masterCredentials: TEST_CREDENTIALS,
    params: { RoleArn: BILLING_ROLE },
    clientConfig: { endpoint: sts.url, region: REGION },
  });
  await expect(provider()).rejects.toThrow(TypeError);
  expect(sts.calls.AssumeRole).toBe(0);
});
