/**
 * The default credential source (no `credentials` option): the AWS SDK's Node provider chain,
 * for real. With Lambda's environment variables it answers from the environment with no network
 * call; with nothing configured it fails with a typed error listing the sources tried, again
 * without any connection.
 *
 * Safety: instance metadata is disabled before the chain is first used, every AWS_* variable is
 * cleared around each test, and a guard on net.Socket.prototype.connect records every connection
 * and refuses any that is not to a loopback address (instance metadata would be 169.254.169.254).
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchConnections } from '../support/connectionGuard';
import {
  clearCredentialCache,
  createSignedFetch,
  createSigner,
  SigV4CredentialsError,
} from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';
import { leaksOf } from '../errors/support';
import { REQUEST, SCOPE } from './support';

const SAVED_ENV = { ...process.env };

/** Removes every AWS_* variable, then sets `values` (instance metadata always disabled). */
function useEnv(values: Record<string, string>): void {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AWS_')) delete process.env[name];
  }
  Object.assign(process.env, { AWS_EC2_METADATA_DISABLED: 'true' }, values);
}

function restoreEnv(): void {
  for (const name of Object.keys(process.env)) {
    if (!(name in SAVED_ENV)) delete process.env[name];
  }
  Object.assign(process.env, SAVED_ENV);
}

// Before anything below can build the chain.
useEnv({});

let watch: ReturnType<typeof watchConnections> | undefined;
beforeEach(() => clearCredentialCache());
afterEach(() => {
  watch?.restore();
  watch = undefined;
  clearCredentialCache();
  useEnv({});
});
afterAll(() => restoreEnv());

describe('Lambda: keys in the environment', () => {
  const SECOND = {
    accessKeyId: 'ASIALOCALTEST0000002',
    secretAccessKey: 'second/SecretAccessKey+NotForAWS000002',
    sessionToken: 'IQoJSecondLocalTestSessionToken//////////+0=',
  };
  let endpoint: LocalIamEndpoint;
  beforeAll(async () => {
    endpoint = await startLocalIamEndpoint({
      region: 'us-east-1',
      service: 'execute-api',
      credentials: [TEST_CREDENTIALS, SECOND],
    });
  });
  afterAll(() => endpoint.close());

  const lambdaEnv = (keys: typeof SECOND) => ({
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_SESSION_TOKEN: keys.sessionToken,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_LAMBDA_FUNCTION_NAME: 'sigv4-test',
  });

  test('a signed fetch verifies at the endpoint; the only connection is to the endpoint', async () => {
    useEnv(lambdaEnv(TEST_CREDENTIALS));
    watch = watchConnections();
    const signedFetch = createSignedFetch({ region: 'us-east-1', service: 'execute-api' });

    for (let invocation = 0; invocation < 3; invocation += 1) {
      const response = await signedFetch(`${endpoint.url}/prod/items?invocation=${invocation}`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    expect(endpoint.requests.slice(-3).map(({ result }) => result)).toEqual(
      Array(3).fill(
        expect.objectContaining({ ok: true, accessKeyId: TEST_CREDENTIALS.accessKeyId }),
      ),
    );

    expect(watch.targets.length).toBeGreaterThan(0);
    expect(watch.targets).toEqual(
      watch.targets.map(() => ({ host: '127.0.0.1', port: endpoint.port })),
    );
  });

  test('the resolved keys are cached; clearCredentialCache() reads the environment again', async () => {
    useEnv(lambdaEnv(TEST_CREDENTIALS));
    watch = watchConnections();
    const send = async () => {
      const signedFetch = createSignedFetch({ region: 'us-east-1', service: 'execute-api' });
      const response = await signedFetch(`${endpoint.url}/prod/who`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      const last = endpoint.requests.at(-1)!.result;
      return last.ok ? last.accessKeyId : last.message;
    };
    expect(await send()).toBe(TEST_CREDENTIALS.accessKeyId);

    // The environment changes (as after a SnapStart restore): the cache still holds the first keys.
    useEnv(lambdaEnv(SECOND));
    expect(await send()).toBe(TEST_CREDENTIALS.accessKeyId);

    clearCredentialCache();
    expect(await send()).toBe(SECOND.accessKeyId);
    expect(
      watch.targets.every(({ host, port }) => host === '127.0.0.1' && port === endpoint.port),
    ).toBe(true);
  });
});

describe('no credentials anywhere', () => {
  const missing = (name: string) =>
    join(tmpdir(), `aws-sigv4-interceptor-no-such-dir-${process.pid}`, name);

  const noCredentialsEnv = () => ({
    AWS_CONFIG_FILE: missing('config'),
    AWS_SHARED_CREDENTIALS_FILE: missing('credentials'),
  });

  test('the files the chain is pointed at do not exist', () => {
    expect([existsSync(missing('config')), existsSync(missing('credentials'))]).toEqual([
      false,
      false,
    ]);
  });

  test('sign() rejects with SigV4CredentialsError listing the sources, with no connection at all', async () => {
    useEnv(noCredentialsEnv());
    expect(process.env.AWS_EC2_METADATA_DISABLED).toBe('true');
    watch = watchConnections();

    const error = await createSigner(SCOPE)
      .sign(REQUEST)
      .catch((e: unknown) => e);

    expect(watch.targets).toEqual([]);
    expect(error).toBeInstanceOf(SigV4CredentialsError);
    expect(error).toMatchObject({ name: 'SigV4CredentialsError', code: 'NO_CREDENTIALS' });
    const { message } = error as Error;
    for (const source of [
      /environment variables \(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN\)/,
      /shared config and credentials files \(AWS_PROFILE, with SSO and credential_process\)/,
      /SSO/,
      /web identity/,
      /container credentials endpoint/,
      /EC2 instance metadata/,
    ]) {
      expect(message).toMatch(source);
    }
    expect(message).toContain(`: GET ${REQUEST.url} - `);
    expect(message).toMatch(/pass the `credentials` option/);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(
      leaksOf(error, [TEST_CREDENTIALS.secretAccessKey, TEST_CREDENTIALS.sessionToken]),
    ).toEqual([]);
  });

  test('a signed fetch rejects the same way and sends nothing', async () => {
    useEnv(noCredentialsEnv());
    const endpoint = await startLocalIamEndpoint();
    try {
      watch = watchConnections();
      const signedFetch = createSignedFetch({ region: 'us-east-1', service: 'execute-api' });
      const error = await signedFetch(`${endpoint.url}/prod/items`).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'SigV4CredentialsError', code: 'NO_CREDENTIALS' });
      expect(endpoint.requests).toHaveLength(0);
      expect(watch.targets).toEqual([]);
    } finally {
      await endpoint.close();
    }
  });
});
