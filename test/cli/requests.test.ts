/**
 * The built CLI against the local IAM endpoint: what it sends is verified there (the endpoint
 * recomputes the signature from the raw request and echoes what it received), what it prints is
 * read from the child's stdout and stderr.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_CREDENTIALS, type VerifiedEcho } from 'aws-sigv4-interceptor/testing';
import { awsFiles, baseEnv, credentialsEnv } from './support/env';
import { runCli } from './support/run';
import { useBuiltCliAndEndpoint } from './support/suite';

const SCOPE = ['--region', 'us-east-1', '--service', 'execute-api'];
/** Every byte value, so that any re-encoding of the body on its way to stdout shows. */
const BINARY = Uint8Array.from({ length: 256 }, (_, i) => i);
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const echoOf = (stdout: Buffer) => JSON.parse(stdout.toString('utf8')) as VerifiedEcho;

const { endpoint, files } = useBuiltCliAndEndpoint({
  redirects: { '/prod/old': '/prod/new' },
  integration: (echo) =>
    echo.path === '/prod/binary'
      ? { status: 200, body: BINARY, headers: { 'content-type': 'application/octet-stream' } }
      : undefined,
});
const env = { ...baseEnv(files), ...credentialsEnv };
const cli = (args: string[], stdin?: string) => runCli([...SCOPE, ...args], env, stdin);

test('GET: 200, the body on stdout, the status line on stderr, exit 0', async () => {
  const { code, stdout, stderr } = await cli([`${endpoint.url}/prod/items?q=1`]);
  expect(code).toBe(0);
  expect(stderr).toBe('HTTP 200 OK\n');
  const echo = echoOf(stdout);
  expect(echo).toMatchObject({ message: 'verified', method: 'GET', path: '/prod/items' });
  expect(echo.accessKeyId).toBe(TEST_CREDENTIALS.accessKeyId);
  expect(endpoint.requests.at(-1)?.result.ok).toBe(true);
});

test('the body reaches stdout byte for byte', async () => {
  const { code, stdout } = await cli([`${endpoint.url}/prod/binary`]);
  expect(code).toBe(0);
  expect(new Uint8Array(stdout)).toEqual(BINARY);
});

test('-d: a POST of the literal data, as a form unless a header says otherwise', async () => {
  const { code, stdout } = await cli([
    '-d',
    'a=1',
    '-d',
    'b=two words',
    `${endpoint.url}/prod/form`,
  ]);
  expect(code).toBe(0);
  const echo = echoOf(stdout);
  expect(echo.method).toBe('POST');
  expect(echo.bodySha256).toBe(sha256('a=1&b=two words'));
  expect(echo.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(echo.signedHeaders).toContain('content-type');
});

describe('data from a file or stdin', () => {
  const dir = awsFiles();
  const text = join(dir.dir, 'order.json');
  const binary = join(dir.dir, 'blob.bin');
  beforeAll(() => {
    writeFileSync(text, '{\r\n  "id": 1\n}\n');
    writeFileSync(binary, BINARY);
  });
  afterAll(() => dir.remove());

  test('-d @file sends the file without its CR and LF, as curl does', async () => {
    const { code, stdout } = await cli(['-X', 'PUT', '-d', `@${text}`, `${endpoint.url}/prod/o/1`]);
    expect(code).toBe(0);
    const echo = echoOf(stdout);
    expect(echo.method).toBe('PUT');
    expect(echo.bodySha256).toBe(sha256('{  "id": 1}'));
  });

  test('--data-binary @file sends every byte as it is', async () => {
    const { code, stdout } = await cli([
      '--data-binary',
      `@${binary}`,
      `${endpoint.url}/prod/blob`,
    ]);
    expect(code).toBe(0);
    expect(echoOf(stdout).bodySha256).toBe(sha256(BINARY));
  });

  test('-d @- reads stdin', async () => {
    const { code, stdout } = await cli(['-d', '@-', `${endpoint.url}/prod/stdin`], 'from=stdin');
    expect(code).toBe(0);
    expect(echoOf(stdout).bodySha256).toBe(sha256('from=stdin'));
  });
});

test('-H headers are sent and signed; a content-type given wins over the form default', async () => {
  const args = ['-H', 'x-trace-id: abc-123', '-H', 'Content-Type: application/json'];
  const { code, stdout } = await cli([...args, '-d', '{"id":1}', `${endpoint.url}/prod/orders`]);
  expect(code).toBe(0);
  const echo = echoOf(stdout);
  expect(echo.headers['x-trace-id']).toBe('abc-123');
  expect(echo.headers['content-type']).toBe('application/json');
  expect(echo.signedHeaders).toEqual(expect.arrayContaining(['x-trace-id', 'content-type']));
  expect(echo.bodySha256).toBe(sha256('{"id":1}'));
});

test('-i prints the response headers to stderr, after the status line', async () => {
  const { code, stderr } = await cli(['-i', `${endpoint.url}/prod/items`]);
  expect(code).toBe(0);
  expect(stderr).toMatch(/^HTTP 200 OK\n(.+: .+\n)+$/);
  expect(stderr).toContain('content-type: application/json');
});

test('a redirect is printed, not followed; -L follows it, signed again', async () => {
  const shown = await cli(['-i', `${endpoint.url}/prod/old`]);
  expect(shown.code).toBe(0);
  expect(shown.stderr).toMatch(/^HTTP 302 Found\n/);
  expect(shown.stderr).toContain('location: /prod/new');

  const followed = await cli(['-L', `${endpoint.url}/prod/old`]);
  expect(followed.code).toBe(0);
  expect(followed.stderr).toBe('HTTP 200 OK\n');
  expect(echoOf(followed.stdout).path).toBe('/prod/new');
  const [hop, target] = endpoint.requests.slice(-2);
  expect([hop.raw.rawUrl, target.raw.rawUrl]).toEqual(['/prod/old', '/prod/new']);
  expect([hop.result.ok, target.result.ok]).toEqual([true, true]);
});
