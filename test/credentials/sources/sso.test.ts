/**
 * IAM Identity Center (SSO): the SDK's real fromSSO() and an SSO profile through fromIni(), reading
 * the access token that `aws sso login` caches under $HOME/.aws/sso/cache, and calling a local SSO
 * portal's GetRoleCredentials (`clientConfig.endpoint`, or AWS_ENDPOINT_URL_SSO for profiles).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { SigV4CredentialsError } from 'aws-sigv4-interceptor';
import { startLocalSsoEndpoint } from 'aws-sigv4-interceptor/testing';
import { leaksOf } from '../../errors/support';
import { startedByTest } from '../../support/startedServers';
import { apiAcceptingIssuedKeys } from './apiAcceptingIssuedKeys';
import {
  expectRefreshedOnce,
  isolateAwsEnvironment,
  REGION,
  signedClients,
  verifiedWith,
} from './support';

const { scratch, useEnv } = isolateAwsEnvironment(); // restores HOME too, after the file

const ACCOUNT = '123456789012';
const ACCESS_TOKEN = 'aoaAAAAAGLocalSsoAccessToken-from-sso-login-31337';
let startUrlNumber = 0;

/**
 * A fresh start URL with its token cache file, as `aws sso login` leaves it (fresh per test: the
 * SDK keeps no token cache, but distinct URLs keep the tests apart).
 */
function loggedIn(accessToken = ACCESS_TOKEN): string {
  startUrlNumber += 1;
  const startUrl = `https://d-local${startUrlNumber}.awsapps.example/start`;
  const cacheDir = join(scratch.dir, 'home', '.aws', 'sso', 'cache');
  mkdirSync(cacheDir, { recursive: true });
  const name = `${createHash('sha1').update(startUrl).digest('hex')}.json`;
  const expiresAt = new Date(Date.now() + 60 * 60 * 1000).toISOString();
  writeFileSync(
    join(cacheDir, name),
    JSON.stringify({ startUrl, region: REGION, accessToken, expiresAt }),
  );
  return startUrl;
}

beforeAll(() => {
  process.env.HOME = join(scratch.dir, 'home');
});

const { api, accepted } = apiAcceptingIssuedKeys();
const [sso, startSso] = startedByTest((lifetimeMs?: number) =>
  startLocalSsoEndpoint({
    accessTokens: [ACCESS_TOKEN],
    roles: [
      { accountId: ACCOUNT, roleName: 'ApiCaller' },
      { accountId: ACCOUNT, roleName: 'ApiAdmin' },
    ],
    registerWith: accepted(),
    lifetimeMs,
  }),
);

const ssoRole = (ssoStartUrl: string, ssoRoleName: string) =>
  fromSSO({
    ssoStartUrl,
    ssoAccountId: ACCOUNT,
    ssoRegion: REGION,
    ssoRoleName,
    clientConfig: { endpoint: sso.url },
  });

test('fromSSO: fetch and axios verify; 20 concurrent requests, one GetRoleCredentials', async () => {
  await startSso();
  const clients = signedClients(ssoRole(loggedIn(), 'ApiCaller'));

  const outcomes = await clients.concurrently(`${api.url}/prod/items`, 20);

  expect(sso.calls.GetRoleCredentials).toBe(1);
  expect(sso.issued[0].issuedFor).toBe(`arn:aws:iam::${ACCOUNT}:role/ApiCaller`);
  expect(outcomes).toEqual(Array(20).fill(verifiedWith(sso.issued[0].accessKeyId)));
});

test('an SSO profile through fromIni and AWS_ENDPOINT_URL_SSO: same single call', async () => {
  await startSso();
  const startUrl = loggedIn();
  useEnv({
    AWS_CONFIG_FILE: scratch.write(
      `sso-config-${startUrlNumber}`,
      `[profile dev]\nsso_start_url = ${startUrl}\nsso_region = ${REGION}\nsso_account_id = ${ACCOUNT}\nsso_role_name = ApiAdmin\nregion = ${REGION}\n`,
    ),
    AWS_ENDPOINT_URL_SSO: sso.url,
  });
  const clients = signedClients(fromIni({ profile: 'dev' }));

  const outcomes = await clients.concurrently(`${api.url}/prod/items`, 20);

  expect(sso.calls.GetRoleCredentials).toBe(1);
  expect(sso.issued[0].issuedFor).toBe(`arn:aws:iam::${ACCOUNT}:role/ApiAdmin`);
  expect(outcomes).toEqual(Array(20).fill(verifiedWith(sso.issued[0].accessKeyId)));
});

test('refreshed once at expiration - refreshMarginMs', async () => {
  await startSso(1500);
  const marginMs = 1000;
  const clients = signedClients(ssoRole(loggedIn(), 'ApiCaller'), { refreshMarginMs: marginMs });

  await expectRefreshedOnce(clients, `${api.url}/prod/items`, sso.issued, marginMs);
  expect(sso.calls.GetRoleCredentials).toBe(2);
});

test('two roles of one login: separate cache entries', async () => {
  await startSso();
  const startUrl = loggedIn();
  const caller = signedClients(ssoRole(startUrl, 'ApiCaller'));
  const admin = signedClients(ssoRole(startUrl, 'ApiAdmin'));

  const [callerOutcomes, adminOutcomes] = await Promise.all([
    caller.concurrently(`${api.url}/prod/items`, 6),
    admin.concurrently(`${api.url}/prod/admin`, 6),
  ]);

  expect(sso.calls.GetRoleCredentials).toBe(2);
  const keyOf = (role: string) =>
    sso.issued.find((issued) => issued.issuedFor.endsWith(`/${role}`))!.accessKeyId;
  expect(callerOutcomes).toEqual(Array(6).fill(verifiedWith(keyOf('ApiCaller'))));
  expect(adminOutcomes).toEqual(Array(6).fill(verifiedWith(keyOf('ApiAdmin'))));
});

test('a revoked SSO session: UnauthorizedException as a typed error, nothing sent', async () => {
  await startSso();
  const revoked = 'aoaAAAAAGRevokedSsoAccessToken-0000';
  const clients = signedClients(ssoRole(loggedIn(revoked), 'ApiCaller'));

  const error = await clients.fetch(`${api.url}/prod/items`).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(SigV4CredentialsError);
  expect((error as Error).message).not.toContain(revoked);
  expect(String((error as Error).cause)).toMatch(/UnauthorizedException|Session token not found/);
  expect(sso.calls.GetRoleCredentials).toBe(1);
  expect(api.requests).toHaveLength(0);
});

/** Unlike AssumeRole's (see sts.test.ts), the SDK's SSO provider rewraps its client's error. */
test('no rendering of a GetRoleCredentials failure holds the SSO access token', async () => {
  await startSso();
  const revoked = 'aoaAAAAAGRevokedSsoAccessToken-0001';
  const error = await signedClients(ssoRole(loggedIn(revoked), 'ApiCaller'))
    .fetch(`${api.url}/prod/items`)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SigV4CredentialsError);
  expect(leaksOf(error, [revoked])).toEqual([]);
});
