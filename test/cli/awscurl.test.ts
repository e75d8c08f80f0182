/**
 * What awscurl users reach for: keys on the command line (in both spellings), -k against a
 * server whose certificate no client trusts, -s, --version; and the messages around them: an
 * unknown flag with a suggestion, `--region <URL>`, the hint after a 4xx. The local endpoints
 * verify what is sent; stdout and stderr are read from the child.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { startedBeforeAll } from '../support/startedServers';
import { ROOT } from './support/build';
import { baseEnv, credentialsEnv } from './support/env';
import { startHttpsEndpoint } from './support/httpsEndpoint';
import { HINT, runCli } from './support/run';
import { useBuiltCliAndEndpoint } from './support/suite';

const SCOPE = ['--region', 'us-east-1', '--service', 'execute-api'];
const { accessKeyId, secretAccessKey, sessionToken } = TEST_CREDENTIALS;

const { endpoint, files } = useBuiltCliAndEndpoint();
const https = startedBeforeAll(startHttpsEndpoint);
const noKeys = baseEnv(files);
const withKeys = { ...noKeys, ...credentialsEnv };
/** Keys the endpoint does not know: a 403 every time. */
const unknownKey = {
  ...noKeys,
  AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000001',
  AWS_SECRET_ACCESS_KEY: 'unknown/Secret',
};

describe('keys on the command line', () => {
  test.each([
    ['ours', '--access-key', '--secret-key', '--session-token'],
    ["awscurl's", '--access_key', '--secret_key', '--session_token'],
    ["awscurl's older token name", '--access_key', '--secret_key', '--security_token'],
  ])('%s spelling: signed with them, nothing in the environment', async (_, id, key, token) => {
    const args = [id, accessKeyId, key, secretAccessKey, token, sessionToken];
    const { code, stderr } = await runCli([...SCOPE, ...args, `${endpoint.url}/prod/k`], noKeys);
    expect({ code, stderr }).toEqual({ code: 0, stderr: 'HTTP 200 OK\n' });
    expect(endpoint.requests.at(-1)?.result).toMatchObject({ ok: true, accessKeyId });
  });

  test('they win over the environment: a wrong secret is refused, and never printed', async () => {
    const args = ['--access-key', accessKeyId, '--secret-key', 'wrong/Secret', '--session-token'];
    const { code, stderr } = await runCli(
      [...SCOPE, ...args, sessionToken, `${endpoint.url}/prod/k`],
      withKeys,
    );
    expect(code).toBe(1);
    expect(endpoint.requests.at(-1)?.result).toMatchObject({ ok: false });
    expect(stderr).not.toContain('wrong/Secret');
  });

  test.each([
    ['half a pair', ['--access-key', accessKeyId], /--access-key and --secret-key go together/],
    ['a token alone', ['--session-token', sessionToken], /go together/],
    [
      'keys and --profile',
      ['--access-key', 'A', '--secret-key', 'B', '--profile', 'p'],
      /--profile and --access-key\/--secret-key: give one source/,
    ],
  ])('%s: exit 2, nothing sent, no secret printed', async (_, args, message) => {
    const before = endpoint.requests.length;
    const { code, stderr } = await runCli([...SCOPE, ...args, `${endpoint.url}/prod/k`], noKeys);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain(sessionToken);
    expect(endpoint.requests.length).toBe(before);
  });
});

describe('-k, --insecure: a self-signed certificate', () => {
  const args = [...SCOPE, '-d', 'hello'];

  test('refused without -k: exit 1, the TLS reason, nothing verified', async () => {
    const { code, stderr } = await runCli([...args, `${https.url}/prod/tls`], withKeys);
    expect(code).toBe(1);
    expect(stderr).toMatch(/request failed: fetch failed \(.*certificate/);
    expect(https.verdicts).toHaveLength(0);
  });

  test.each(['-k', '--insecure'])('%s: sent, signed, its body intact', async (flag) => {
    const before = https.verdicts.length;
    const { code, stdout, stderr } = await runCli(
      [flag, ...args, `${https.url}/prod/tls`],
      withKeys,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: 'HTTP 200 OK\n' });
    expect(JSON.parse(stdout.toString())).toEqual({ ok: true, body: 'hello' });
    expect(https.verdicts.slice(before)).toMatchObject([{ ok: true, accessKeyId }]);
  });
});

describe('what is printed', () => {
  test('-s: the body alone, no status line, no hint after a 4xx', async () => {
    const ok = await runCli(['-s', ...SCOPE, `${endpoint.url}/prod/s`], withKeys);
    expect({ code: ok.code, stderr: ok.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(ok.stdout.toString()).path).toBe('/prod/s');
    const refused = await runCli(['--silent', ...SCOPE, `${endpoint.url}/prod/s`], unknownKey);
    expect({ code: refused.code, stderr: refused.stderr }).toEqual({ code: 1, stderr: '' });
  });

  test('a 4xx without -v suggests -v; with -v, or on a 2xx, no hint', async () => {
    const refused = await runCli([...SCOPE, `${endpoint.url}/prod/h`], unknownKey);
    expect(refused.stderr).toBe(`HTTP 403 Forbidden\n${HINT}`);
    const verbose = await runCli(['-v', ...SCOPE, `${endpoint.url}/prod/h`], unknownKey);
    expect(verbose.stderr).not.toContain('hint:');
    const ok = await runCli([...SCOPE, `${endpoint.url}/prod/h`], withKeys);
    expect(ok.stderr).toBe('HTTP 200 OK\n');
  });

  test("--version prints package.json's version on stdout", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const { code, stdout, stderr } = await runCli(['--version'], noKeys);
    expect({ code, stdout: stdout.toString(), stderr }).toEqual({
      code: 0,
      stdout: `aws-sigv4-interceptor ${version}\n`,
      stderr: '',
    });
  });
});

describe('usage messages', () => {
  test.each([
    ['--regoin', '--region'],
    ['--acess-key', '--access-key'],
    ['--secret-ky', '--secret-key'],
    ['--insecur', '--insecure'],
    ['--verb', '--verbose'],
    ['--signing_origin', '--signing-origin'],
  ])('unknown %s: "did you mean %s?", quotes balanced, exit 2', async (typed, meant) => {
    const { code, stderr } = await runCli([typed, 'x', `${endpoint.url}/prod/u`], withKeys);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `aws-sigv4-interceptor: unknown option '${typed}' (did you mean ${meant}?)\nTry --help.\n`,
    );
  });

  test('an unknown flag like no other: no suggestion', async () => {
    const { stderr } = await runCli(['--zzzzzzzz', `${endpoint.url}/prod/u`], withKeys);
    expect(stderr).toBe("aws-sigv4-interceptor: unknown option '--zzzzzzzz'\nTry --help.\n");
  });

  test.each(['--region', '--service'])(
    '%s <URL>: the URL taken as its value is named',
    async (flag) => {
      const url = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items';
      const { code, stderr } = await runCli([flag, url], withKeys);
      expect(code).toBe(2);
      expect(stderr).toContain(`${flag} '${url}' is a URL: ${flag} takes a name such as`);
      expect(stderr).not.toContain('no URL given');
    },
  );

  test("a fix in flags, not in the library's option names", async () => {
    const { stderr } = await runCli([`${endpoint.url}/prod/u`], withKeys);
    expect(stderr).toContain('pass --region and --service');
    expect(stderr).toContain('--region eu-west-1, --service execute-api');
    expect(stderr).not.toMatch(/region: '|`/);
  });
});
