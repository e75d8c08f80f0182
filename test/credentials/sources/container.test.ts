/**
 * Container credentials (ECS, EKS Pod Identity, Lambda SnapStart): the SDK's real
 * fromContainerMetadata(), fromHttp() and default chain, reading AWS_CONTAINER_CREDENTIALS_FULL_URI
 * and AWS_CONTAINER_AUTHORIZATION_TOKEN, against a local container credentials endpoint.
 */
import { fromContainerMetadata, fromHttp } from '@aws-sdk/credential-providers';
import {
  afterSnapshotRestore,
  createSignedFetch,
  SigV4CredentialsError,
} from 'aws-sigv4-interceptor';
import { startLocalContainerCredentialsEndpoint } from 'aws-sigv4-interceptor/testing';
import { leaksOf } from '../../errors/support';
import { startedByTest } from '../../support/startedServers';
import { apiAcceptingIssuedKeys } from './apiAcceptingIssuedKeys';
import {
  isolateAwsEnvironment,
  refreshTime,
  signedClients,
  sleepUntil,
  verifiedWith,
} from './support';

const { useEnv, connections } = isolateAwsEnvironment();

const TOKEN = 'local-container-authorization-token-7f3a';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/ecs-task-role';

const { api, accepted } = apiAcceptingIssuedKeys();
const [container, startEndpoint] = startedByTest((lifetimeMs?: number) =>
  startLocalContainerCredentialsEndpoint({
    authorizationToken: TOKEN,
    roleArn: ROLE_ARN,
    registerWith: accepted(),
    lifetimeMs,
  }),
);

/** The container endpoint, and the environment ECS gives a task to reach it. */
async function startContainer(lifetimeMs?: number) {
  await startEndpoint(lifetimeMs);
  useEnv({
    AWS_CONTAINER_CREDENTIALS_FULL_URI: `${container.url}/v2/credentials/task`,
    AWS_CONTAINER_AUTHORIZATION_TOKEN: TOKEN,
  });
}

describe.each([
  ['fromContainerMetadata()', () => fromContainerMetadata()],
  ['fromHttp()', () => fromHttp()],
])('%s', (_name, provider) => {
  test('fetch and axios verify; 20 concurrent requests cost one call to the endpoint', async () => {
    await startContainer();
    const clients = signedClients(provider());

    const outcomes = await clients.concurrently(`${api.url}/prod/items`, 20);

    expect(container.calls.GetCredentials).toBe(1);
    expect(outcomes).toEqual(Array(20).fill(verifiedWith(container.issued[0].accessKeyId)));
    expect(container.issued[0].issuedFor).toBe(ROLE_ARN);
  });

  test('refreshed once when the expiration comes within refreshMarginMs, not before', async () => {
    await startContainer(1500);
    const marginMs = 1000;
    const clients = signedClients(provider(), { refreshMarginMs: marginMs });

    expect(await clients.fetch(`${api.url}/prod/a`)).toEqual(
      verifiedWith(container.issued[0].accessKeyId),
    );
    expect(await clients.concurrently(`${api.url}/prod/b`, 6)).toEqual(
      Array(6).fill(verifiedWith(container.issued[0].accessKeyId)),
    );
    expect(container.calls.GetCredentials).toBe(1);

    await sleepUntil(refreshTime(container.issued[0], marginMs));
    const refreshed = await clients.concurrently(`${api.url}/prod/c`, 10);

    expect(container.calls.GetCredentials).toBe(2);
    expect(container.issued[1].accessKeyId).not.toBe(container.issued[0].accessKeyId);
    expect(refreshed).toEqual(Array(10).fill(verifiedWith(container.issued[1].accessKeyId)));
  });
});

test('a wrong authorization token: typed error without the token, nothing sent; the failure is not cached', async () => {
  await startContainer();
  useEnv({
    AWS_CONTAINER_CREDENTIALS_FULL_URI: `${container.url}/v2/credentials/task`,
    AWS_CONTAINER_AUTHORIZATION_TOKEN: 'a-stale-token-0000',
  });
  const clients = signedClients(fromContainerMetadata());

  const error = await clients.fetch(`${api.url}/prod/items`).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SigV4CredentialsError);
  expect(error).toMatchObject({ code: 'NO_CREDENTIALS' });
  expect(leaksOf(error, [TOKEN, 'a-stale-token-0000'])).toEqual([]);
  expect(api.requests).toHaveLength(0);
  expect(container.calls.GetCredentials).toBe(1);
  expect(container.issued).toHaveLength(0);

  process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN = TOKEN;
  expect(await clients.axios(`${api.url}/prod/items`)).toEqual(
    verifiedWith(container.issued[0].accessKeyId),
  );
  expect(container.calls.GetCredentials).toBe(2);
});

describe('Lambda SnapStart: the default chain (no `credentials` option) reads the container endpoint', () => {
  test('20 concurrent requests, one call; afterSnapshotRestore() fetches anew', async () => {
    await startContainer();
    const signedFetch = createSignedFetch({ region: 'us-east-1', service: 'execute-api' });
    const send = async () => {
      const response = await signedFetch(`${api.url}/prod/items`);
      return { status: response.status, ...((await response.json()) as { accessKeyId?: string }) };
    };
    const from = connections.targets.length;

    const first = await Promise.all(Array.from({ length: 20 }, send));
    expect(container.calls.GetCredentials).toBe(1);
    expect(new Set(first.map((o) => `${o.status} ${o.accessKeyId}`))).toEqual(
      new Set([`200 ${container.issued[0].accessKeyId}`]),
    );

    // Without the hook, warm requests trust the snapshot's credentials: no call.
    await Promise.all(Array.from({ length: 5 }, send));
    expect(container.calls.GetCredentials).toBe(1);

    afterSnapshotRestore(); // what the user's after-restore hook calls
    const restored = await Promise.all(Array.from({ length: 5 }, send));
    expect(container.calls.GetCredentials).toBe(2);
    expect(new Set(restored.map((o) => o.accessKeyId))).toEqual(
      new Set([container.issued[1].accessKeyId]),
    );

    const ports = new Set(connections.targets.slice(from).map(({ port }) => port));
    expect([...ports].sort()).toEqual([api.port, container.port].sort());
  });
});
