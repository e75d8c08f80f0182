/**
 * Cognito identity pools (browser-style apps, device fleets): the SDK's real
 * fromCognitoIdentityPool() with `clientConfig.endpoint` on a local Cognito identity service,
 * unauthenticated and with a user-pool id token in `logins`.
 */
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { SigV4CredentialsError } from 'aws-sigv4-interceptor';
import { startLocalCognitoIdentityEndpoint } from 'aws-sigv4-interceptor/testing';
import { leaksOf } from '../../errors/support';
import { startedByTest } from '../../support/startedServers';
import { apiAcceptingIssuedKeys } from './apiAcceptingIssuedKeys';
import {
  isolateAwsEnvironment,
  REGION,
  refreshTime,
  signedClients,
  sleepUntil,
  verifiedWith,
} from './support';

isolateAwsEnvironment();

const USER_POOL = `cognito-idp.${REGION}.amazonaws.com/${REGION}_AbCdEf123`;
const ALICE_ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.alice-id-token.c2lnbmF0dXJl';

let poolNumber = 0;

/** A pool id of its own per test: the SDK keeps unauthenticated identity ids per pool id. */
const newPoolId = () => {
  poolNumber += 1;
  return `${REGION}:00000000-0000-4000-8000-${String(poolNumber).padStart(12, '0')}`;
};

const { api, accepted } = apiAcceptingIssuedKeys();
const [cognito, startCognito] = startedByTest(
  (pools: Array<{ identityPoolId: string; allowUnauthenticated?: boolean }>, lifetimeMs?: number) =>
    startLocalCognitoIdentityEndpoint({
      identityPools: pools.map((pool) => ({ ...pool, logins: { [USER_POOL]: [ALICE_ID_TOKEN] } })),
      registerWith: accepted(),
      lifetimeMs,
    }),
);

const poolCredentials = (identityPoolId: string, logins?: Record<string, string>) =>
  fromCognitoIdentityPool({
    identityPoolId,
    logins,
    clientConfig: { endpoint: cognito.url, region: REGION },
  });

test('unauthenticated: fetch and axios verify; 20 concurrent requests, one GetId and one GetCredentialsForIdentity', async () => {
  const pool = newPoolId();
  await startCognito([{ identityPoolId: pool }]);
  const clients = signedClients(poolCredentials(pool));

  const outcomes = await clients.concurrently(`${api.url}/prod/scores`, 20);

  expect(cognito.calls).toEqual({ GetId: 1, GetCredentialsForIdentity: 1 });
  expect(outcomes).toEqual(Array(20).fill(verifiedWith(cognito.issued[0].accessKeyId)));
  expect(cognito.issued[0].issuedFor).toMatch(new RegExp(`^${REGION}:[0-9a-f-]{36}$`));
});

test('authenticated with a user-pool id token: refreshed at expiration - refreshMarginMs for the same identity', async () => {
  const pool = newPoolId();
  await startCognito([{ identityPoolId: pool, allowUnauthenticated: false }], 1500);
  const marginMs = 1000;
  const clients = signedClients(poolCredentials(pool, { [USER_POOL]: ALICE_ID_TOKEN }), {
    refreshMarginMs: marginMs,
  });

  expect(await clients.concurrently(`${api.url}/prod/me`, 6)).toEqual(
    Array(6).fill(verifiedWith(cognito.issued[0].accessKeyId)),
  );
  expect(cognito.calls).toEqual({ GetId: 1, GetCredentialsForIdentity: 1 });

  await sleepUntil(refreshTime(cognito.issued[0], marginMs));
  const refreshed = await clients.concurrently(`${api.url}/prod/me`, 10);

  // The SDK asks GetId again on each resolution for an authenticated identity (it caches only
  // unauthenticated ids); the identity stays the same, the keys are new.
  expect(cognito.calls).toEqual({ GetId: 2, GetCredentialsForIdentity: 2 });
  expect(cognito.issued[1].issuedFor).toBe(cognito.issued[0].issuedFor);
  expect(refreshed).toEqual(Array(10).fill(verifiedWith(cognito.issued[1].accessKeyId)));
});

test('two pools (and two identities): separate cache entries and separate keys', async () => {
  const [first, second] = [newPoolId(), newPoolId()];
  await startCognito([{ identityPoolId: first }, { identityPoolId: second }]);
  const firstClients = signedClients(poolCredentials(first));
  const secondClients = signedClients(poolCredentials(second, { [USER_POOL]: ALICE_ID_TOKEN }));

  const [firstOutcomes, secondOutcomes] = await Promise.all([
    firstClients.concurrently(`${api.url}/prod/a`, 10),
    secondClients.concurrently(`${api.url}/prod/b`, 10),
  ]);

  expect(cognito.calls).toEqual({ GetId: 2, GetCredentialsForIdentity: 2 });
  const [firstKey] = new Set(firstOutcomes.map((outcome) => outcome.accessKeyId));
  const [secondKey] = new Set(secondOutcomes.map((outcome) => outcome.accessKeyId));
  expect(firstOutcomes).toEqual(Array(10).fill(verifiedWith(firstKey!)));
  expect(secondOutcomes).toEqual(Array(10).fill(verifiedWith(secondKey!)));
  expect(firstKey).not.toBe(secondKey);
  expect(cognito.issued.map((issued) => issued.accessKeyId).sort()).toEqual(
    [firstKey, secondKey].sort(),
  );
  const [one, other] = cognito.issued;
  expect(one.issuedFor).not.toBe(other.issuedFor); // two identities
});

test('a refused login token: NotAuthorizedException as a typed error, nothing sent', async () => {
  const pool = newPoolId();
  await startCognito([{ identityPoolId: pool, allowUnauthenticated: false }]);
  const stolen = 'eyJhbGciOiJSUzI1NiJ9.mallory-token.Zm9yZ2Vk';
  const clients = signedClients(poolCredentials(pool, { [USER_POOL]: stolen }));

  const error = await clients.fetch(`${api.url}/prod/me`).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(SigV4CredentialsError);
  expect((error as Error).cause).toMatchObject({
    name: 'NotAuthorizedException',
    message: 'Invalid login token. Not a valid OpenId Connect identity token.',
  });
  expect(leaksOf(error, [stolen, ALICE_ID_TOKEN])).toEqual([]);
  expect(cognito.calls).toEqual({ GetId: 1, GetCredentialsForIdentity: 0 });
  expect(cognito.issued).toHaveLength(0);
  expect(api.requests).toHaveLength(0);
});
