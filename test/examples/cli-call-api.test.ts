/**
 * examples/cli/call-api.sh: the script run with bash, the built CLI as its command (SIGV4_CLI),
 * against the local IAM endpoint, in an environment holding only the test credentials as AWS_*
 * keys, no instance metadata and empty shared config files.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type VerifiedEcho,
} from 'aws-sigv4-interceptor/testing';
import { CLI, ensureCliBuilt, ROOT } from '../cli/support/build';
import { awsFiles, baseEnv, credentialsEnv } from '../cli/support/env';

const SCRIPT = join(ROOT, 'examples', 'cli', 'call-api.sh');
const TIMEOUT_MS = 20_000;
const REGION = 'eu-west-1';

interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `bash call-api.sh ...args` with exactly `env` (plus PATH); resolves whatever the exit code. */
function callApi(args: readonly string[], env: Record<string, string>): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [SCRIPT, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: (error?.code as number | undefined) ?? 0, stdout, stderr });
      },
    );
  });
}

let api: LocalIamEndpoint;
const files = awsFiles();
const env = () => ({
  ...baseEnv(files),
  ...credentialsEnv,
  API_URL: `${api.url}/prod`,
  SIGNING_REGION: REGION,
  SIGNING_SERVICE: 'execute-api',
  SIGV4_CLI: `${process.execPath} ${CLI}`,
});

beforeAll(async () => {
  await ensureCliBuilt();
  api = await startLocalIamEndpoint({
    region: REGION,
    authorize: (invoke) => invoke.resourcePath !== '/admin',
  });
}, 300_000);
afterAll(async () => {
  await api?.close();
  files.remove();
});

test('GET: exit 0, the body on stdout, the status line on stderr', async () => {
  const { code, stdout, stderr } = await callApi(['/items?category=books'], env());

  expect({ code, stderr }).toEqual({ code: 0, stderr: 'HTTP 200 OK\n' });
  const echo = JSON.parse(stdout) as VerifiedEcho;
  expect(echo).toMatchObject({ message: 'verified', method: 'GET', path: '/prod/items' });
  expect(echo.query).toEqual([['category', 'books']]);
  expect(echo.accessKeyId).toBe(TEST_CREDENTIALS.accessKeyId);
  expect(api.requests.at(-1)?.result.ok).toBe(true);
});

test('POST -d @file with a JSON content type: the file is the signed body', async () => {
  const order = join(files.dir, 'order.json');
  writeFileSync(order, '{"item":"dune","quantity":2}');

  const { code, stdout } = await callApi(
    ['/orders', '-H', 'content-type: application/json', '-d', `@${order}`],
    env(),
  );

  expect(code).toBe(0);
  const echo = JSON.parse(stdout) as VerifiedEcho;
  expect(echo).toMatchObject({ method: 'POST', path: '/prod/orders' });
  expect(echo.bodySha256).toBe(
    createHash('sha256').update('{"item":"dune","quantity":2}').digest('hex'),
  );
  expect(echo.signedHeaders).toContain('content-type');
});

test('-v on a refusal: exit 1, and the diagnosis on stderr, with no secret', async () => {
  const { code, stdout, stderr } = await callApi(['/admin', '-v'], env());

  expect(code).toBe(1);
  expect(stderr).toContain('HTTP 403 Forbidden\n');
  expect(stderr).toMatch(/\* diagnosis:\naccess-denied \(HTTP 403\)/);
  expect(stderr).toContain('execute-api:Invoke');
  expect(JSON.parse(stdout)).toMatchObject({ message: expect.stringContaining('not authorized') });
  for (const secret of [TEST_CREDENTIALS.secretAccessKey, TEST_CREDENTIALS.sessionToken]) {
    expect(stdout + stderr).not.toContain(secret);
  }
});

test('no API_URL, or no path: exit 2 with what to set, and nothing sent', async () => {
  const sent = api.requests.length;
  const withoutUrl: Record<string, string> = env();
  delete withoutUrl.API_URL;

  const [noUrl, noPath] = await Promise.all([callApi(['/items'], withoutUrl), callApi([], env())]);

  expect(noUrl).toMatchObject({ code: 2, stdout: '' });
  expect(noUrl.stderr).toContain('set API_URL');
  expect(noPath).toMatchObject({ code: 2, stdout: '' });
  expect(noPath.stderr).toContain('usage: API_URL=... call-api.sh /path');
  expect(api.requests).toHaveLength(sent);
});
