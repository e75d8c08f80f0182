/**
 * Environment keys (Lambda): the SDK's real fromEnv() and default chain. Other sources are set up
 * too (a container endpoint in AWS_CONTAINER_CREDENTIALS_FULL_URI, a default profile with other
 * keys), so a chain that looked past the environment would be seen: the environment answers, the
 * container endpoint gets no call, and the only sockets opened go to the API.
 */
import { fromEnv } from '@aws-sdk/credential-providers';
import type { AwsCredentialProvider } from 'aws-sigv4-interceptor';
import {
  startLocalContainerCredentialsEndpoint,
  TEST_CREDENTIALS,
  type TestIdentity,
} from 'aws-sigv4-interceptor/testing';
import { startedBeforeEach } from '../../support/startedServers';
import { apiAcceptingIssuedKeys } from './apiAcceptingIssuedKeys';
import { isolateAwsEnvironment, REGION, signedClients, verifiedWith } from './support';

const { scratch, useEnv, connections } = isolateAwsEnvironment();

const PROFILE_KEYS: TestIdentity = {
  accessKeyId: 'AKIAPROFILEKEYS00001',
  secretAccessKey: 'profile/SecretAccessKey+NotForAWS000001',
};

const { api, accepted } = apiAcceptingIssuedKeys([TEST_CREDENTIALS, PROFILE_KEYS]);
const container = startedBeforeEach(() =>
  startLocalContainerCredentialsEndpoint({ registerWith: accepted() }),
);
beforeEach(() => {
  useEnv({
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: TEST_CREDENTIALS.sessionToken,
    AWS_REGION: REGION,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: `${container.url}/v2/credentials`,
    AWS_SHARED_CREDENTIALS_FILE: scratch.write(
      'credentials-with-default',
      `[default]\naws_access_key_id = ${PROFILE_KEYS.accessKeyId}\naws_secret_access_key = ${PROFILE_KEYS.secretAccessKey}\n`,
    ),
  });
});

describe.each<[string, () => AwsCredentialProvider | undefined]>([
  ['fromEnv()', () => fromEnv()],
  ['the default chain (no `credentials` option)', () => undefined],
])('%s', (_name, provider) => {
  test('fetch and axios verify with the environment keys; no socket but to the API', async () => {
    const from = connections.targets.length;
    const clients = signedClients(provider());

    const outcomes = await clients.concurrently(`${api.url}/prod/items`, 20);
    for (let invocation = 0; invocation < 5; invocation += 1) {
      expect(await clients.axios(`${api.url}/prod/items?i=${invocation}`)).toEqual(
        verifiedWith(TEST_CREDENTIALS.accessKeyId),
      );
    }

    expect(outcomes).toEqual(Array(20).fill(verifiedWith(TEST_CREDENTIALS.accessKeyId)));
    expect(container.calls.GetCredentials).toBe(0);
    const targets = connections.targets.slice(from);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets).toEqual(targets.map(() => ({ host: '127.0.0.1', port: api.port })));
  });
});
