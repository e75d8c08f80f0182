/**
 * Shared config files (developer machines, CI): the SDK's real fromIni() with a profile that
 * assumes a role (`role_arn` + `source_profile`) through a local STS. Three documented ways of
 * pointing the profile's STS client at it, all verified here: `clientConfig.endpoint`,
 * AWS_ENDPOINT_URL_STS, and a `services` section of the config file.
 */
import { fromIni } from '@aws-sdk/credential-providers';
import { startLocalStsEndpoint, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { startedByTest } from '../../support/startedServers';
import { apiAcceptingIssuedKeys } from './apiAcceptingIssuedKeys';
import {
  expectRefreshedOnce,
  isolateAwsEnvironment,
  REGION,
  signedClients,
  verifiedWith,
} from './support';

const { scratch, useEnv } = isolateAwsEnvironment();

const ORDERS_ROLE = 'arn:aws:iam::210987654321:role/OrdersApiCaller';
const REPORTS_ROLE = 'arn:aws:iam::210987654321:role/ReportsReader';
const EXTERNAL_ID = 'ini-external-id-2718';

// One list for both servers: the API and STS accept the base keys and every issued key.
const { api, accepted } = apiAcceptingIssuedKeys([TEST_CREDENTIALS]);
const [sts, startSts] = startedByTest((lifetimeMs?: number) =>
  startLocalStsEndpoint({
    // Issued keys may assume further roles (role chaining through source_profile).
    callers: accepted(),
    roles: [{ roleArn: ORDERS_ROLE, externalId: EXTERNAL_ID }, { roleArn: REPORTS_ROLE }],
    registerWith: accepted(),
    lifetimeMs,
  }),
);
let fileNumber = 0;

/**
 * Writes a config and a credentials file under fresh names (the SDK caches files by path for
 * the life of the process) and points the environment at them, plus `env`.
 */
function useProfiles(config: string, env: Record<string, string> = {}): void {
  fileNumber += 1;
  const credentials =
    '[base]\n' +
    `aws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\n` +
    `aws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}\n` +
    `aws_session_token = ${TEST_CREDENTIALS.sessionToken}\n`;
  useEnv({
    AWS_CONFIG_FILE: scratch.write(`config-${fileNumber}`, config),
    AWS_SHARED_CREDENTIALS_FILE: scratch.write(`credentials-${fileNumber}`, credentials),
    ...env,
  });
}

const rolesProfiles = (extra = '') =>
  '[profile orders]\n' +
  `role_arn = ${ORDERS_ROLE}\n` +
  'source_profile = base\n' +
  'role_session_name = ini-orders\n' +
  `external_id = ${EXTERNAL_ID}\n` +
  `region = ${REGION}\n` +
  extra +
  '[profile reports]\n' +
  `role_arn = ${REPORTS_ROLE}\n` +
  'source_profile = base\n' +
  'role_session_name = ini-reports\n' +
  `region = ${REGION}\n` +
  extra;

describe.each([
  {
    how: 'clientConfig.endpoint',
    setup: () => useProfiles(rolesProfiles()),
    provider: (profile: string) => fromIni({ profile, clientConfig: { endpoint: sts.url } }),
  },
  {
    how: 'AWS_ENDPOINT_URL_STS',
    setup: () => useProfiles(rolesProfiles(), { AWS_ENDPOINT_URL_STS: sts.url }),
    provider: (profile: string) => fromIni({ profile }),
  },
  {
    how: 'a services section (services = local; sts = endpoint_url = ...)',
    // Read from the profile the SDK resolves for endpoints (AWS_PROFILE or default), not from
    // the `profile` argument of fromIni: both profiles name the services section here.
    setup: () =>
      useProfiles(
        `${rolesProfiles('services = local\n')}[services local]\nsts =\n  endpoint_url = ${sts.url}\n`,
        { AWS_PROFILE: 'orders' },
      ),
    provider: (profile: string) => fromIni({ profile }),
  },
])('fromIni, role_arn + source_profile, STS at $how', ({ setup, provider }) => {
  test('fetch and axios verify with the role; 20 concurrent requests, one AssumeRole', async () => {
    await startSts();
    setup();
    const clients = signedClients(provider('orders'));

    const outcomes = await clients.concurrently(`${api.url}/prod/orders`, 20);

    expect(sts.calls.AssumeRole).toBe(1);
    expect(sts.issued[0]).toMatchObject({
      issuedFor: ORDERS_ROLE,
      arn: 'arn:aws:sts::210987654321:assumed-role/OrdersApiCaller/ini-orders',
    });
    expect(outcomes).toEqual(Array(20).fill(verifiedWith(sts.issued[0].accessKeyId)));
  });

  test('two profiles, two roles: separate cache entries', async () => {
    await startSts();
    setup();
    const orders = signedClients(provider('orders'));
    const reports = signedClients(provider('reports'));

    const [ordersOutcomes, reportsOutcomes] = await Promise.all([
      orders.concurrently(`${api.url}/prod/orders`, 6),
      reports.concurrently(`${api.url}/prod/reports`, 6),
    ]);

    expect(sts.calls.AssumeRole).toBe(2);
    const keyOf = (role: string) => sts.issued.find((i) => i.issuedFor === role)!.accessKeyId;
    expect(ordersOutcomes).toEqual(Array(6).fill(verifiedWith(keyOf(ORDERS_ROLE))));
    expect(reportsOutcomes).toEqual(Array(6).fill(verifiedWith(keyOf(REPORTS_ROLE))));
  });
});

test('refreshed once at expiration - refreshMarginMs (STS lifetime 1.5 s; the profile asks 3600 s)', async () => {
  await startSts(1500);
  useProfiles(rolesProfiles(), { AWS_ENDPOINT_URL_STS: sts.url });
  const marginMs = 1000;
  const clients = signedClients(fromIni({ profile: 'orders' }), { refreshMarginMs: marginMs });

  await expectRefreshedOnce(clients, `${api.url}/prod/orders`, sts.issued, marginMs);
  expect(sts.calls.AssumeRole).toBe(2);
});

test('role chaining: a profile whose source_profile itself assumes a role makes two AssumeRole calls', async () => {
  await startSts();
  useProfiles(
    `${rolesProfiles()}[profile chained]\nrole_arn = ${REPORTS_ROLE}\nsource_profile = orders\nrole_session_name = chained\nregion = ${REGION}\n`,
    { AWS_ENDPOINT_URL_STS: sts.url },
  );
  const clients = signedClients(fromIni({ profile: 'chained' }));

  const outcomes = await clients.concurrently(`${api.url}/prod/reports`, 10);

  expect(sts.calls.AssumeRole).toBe(2);
  expect(sts.issued.map((issued) => issued.issuedFor)).toEqual([ORDERS_ROLE, REPORTS_ROLE]);
  expect(outcomes).toEqual(Array(10).fill(verifiedWith(sts.issued[1].accessKeyId)));
});
