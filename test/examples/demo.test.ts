import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { startLocalIamEndpoint, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';

/** The README's first command runs this demo; it must work exactly as a newcomer runs it. */
const run = promisify(execFile);
const root = resolve(__dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');
const scrubbedEnv = () => {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^AWS_/.test(name)) delete env[name];
  return { ...env, AWS_EC2_METADATA_DISABLED: 'true' };
};

test('the local demo verifies axios and fetch requests and shows the tampered one refused', async () => {
  const { stdout } = await run(tsx, ['examples/demo.ts'], { cwd: root, env: scrubbedEnv() });
  expect(stdout).toContain('== axios POST /prod/orders: HTTP 200');
  expect(stdout).toContain('== fetch GET /prod/orders?x=1&x=2: HTTP 200');
  expect(stdout).toMatch(/tampered body .*: HTTP 403/);
  expect(stdout).toContain('x-amzn-ErrorType: InvalidSignatureException');
  expect(stdout).toContain('demo OK');
  expect(stdout).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  expect(stdout).not.toContain(TEST_CREDENTIALS.sessionToken);
  expect(stdout).not.toMatch(/Signature=[0-9a-f]{64}/);
}, 60_000);

test('--url calls an API with the credentials of the environment', async () => {
  const endpoint = await startLocalIamEndpoint({ region: 'ap-south-1', service: 'lambda' });
  try {
    const env = {
      ...scrubbedEnv(),
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_SESSION_TOKEN: TEST_CREDENTIALS.sessionToken,
    };
    const url = `${endpoint.url}/items?id=7`;
    const args = [
      'examples/demo.ts',
      '--url',
      url,
      '--region',
      'ap-south-1',
      '--service',
      'lambda',
    ];
    const { stdout } = await run(tsx, args, { cwd: root, env });
    expect(stdout).toContain(`== axios GET ${url}: HTTP 200`);
    expect(stdout).toContain(`== fetch GET ${url}: HTTP 200`);
    expect(endpoint.requests.filter((r) => r.result.ok)).toHaveLength(2);
  } finally {
    await endpoint.close();
  }
}, 60_000);

test('--url exits non-zero when the API refuses the call', async () => {
  const endpoint = await startLocalIamEndpoint({ region: 'ap-south-1', service: 'lambda' });
  try {
    const env = {
      ...scrubbedEnv(),
      AWS_ACCESS_KEY_ID: 'ASIAUNKNOWNKEY000000',
      AWS_SECRET_ACCESS_KEY: 'not-the-right-secret',
    };
    const args = [
      'examples/demo.ts',
      '--url',
      `${endpoint.url}/x`,
      '--region',
      'ap-south-1',
      '--service',
      'lambda',
    ];
    await expect(run(tsx, args, { cwd: root, env })).rejects.toMatchObject({ code: 1 });
  } finally {
    await endpoint.close();
  }
}, 60_000);
