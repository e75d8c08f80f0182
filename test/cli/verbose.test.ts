/**
 * `-v` shows what was signed and why a request was refused, and never a secret: the secret key,
 * the session token and every signature the endpoint received are searched for in stderr.
 */
import type { VerifiedEcho } from 'aws-sigv4-interceptor/testing';
import { baseEnv, credentialsEnv, secretsOf } from './support/env';
import { HINT, runCli, type CliResult } from './support/run';
import { useBuiltCliAndEndpoint } from './support/suite';

const { endpoint, files } = useBuiltCliAndEndpoint({ region: 'us-east-1', service: 'execute-api' });
const env = { ...baseEnv(files), ...credentialsEnv };
const cli = (args: string[]) => runCli(args, env);

/**
 * Fails when what the tool itself wrote (stderr) holds a secret; there must be signatures to
 * look for. stdout is left out: it is the server's body verbatim, and this endpoint's echo (like
 * API Gateway's signature-mismatch message) quotes the session token it received.
 */
function expectNoSecret(results: CliResult[]) {
  const secrets = secretsOf(endpoint.requests);
  expect(secrets.length).toBeGreaterThan(2);
  const output = results.map(({ stderr }) => stderr).join('\n');
  for (const secret of secrets) expect(output).not.toContain(secret);
  expect(output).not.toMatch(/Signature=[0-9a-f]{64}/);
}

/** The `-v` lines of a multi-line value: each line indented under its name. */
const block = (name: string, text: string) =>
  [`*   ${name}:`, ...text.split('\n').map((line) => `*     ${line}`)].join('\n');

test('-v prints the canonical request, string to sign and signed headers the server verified', async () => {
  const url = `${endpoint.url}/prod/items?b=2&a=1`;
  const args = ['-v', '--region', 'us-east-1', '--service', 'execute-api', '-d', 'x=1', url];
  const result = await cli(args);
  expect(result.code).toBe(0);
  const echo = JSON.parse(result.stdout.toString('utf8')) as VerifiedEcho;
  // The server's computation is the oracle; only the token's value is masked on our side.
  const canonical = echo.canonicalRequest.replace(/^(x-amz-security-token:).*$/m, '$1***');
  expect(result.stderr).toContain('* aws-sigv4-interceptor: signed\n');
  expect(result.stderr).toContain(block('canonicalRequest', canonical));
  expect(result.stderr).toContain(block('stringToSign', echo.stringToSign));
  expect(result.stderr).toContain(`*   signedHeaders: ${echo.signedHeaders.join(';')}\n`);
  expect(result.stderr).toMatch(/\nHTTP 200 OK\n$/);
  expectNoSecret([result]);
});

test('a refusal: exit 1, the error body on stdout, and under -v the diagnosis', async () => {
  const url = `${endpoint.url}/prod/items`;
  const quiet = await cli(['--region', 'eu-west-1', '--service', 'execute-api', url]);
  expect(quiet.code).toBe(1);
  expect(quiet.stderr).toBe(`HTTP 403 Forbidden\n${HINT}`);
  expect(JSON.parse(quiet.stdout.toString('utf8')).message).toMatch(/not 'eu-west-1'/);

  const verbose = await cli(['-v', '--region', 'eu-west-1', '--service', 'execute-api', url]);
  expect(verbose.code).toBe(1);
  expect(verbose.stderr).toContain('HTTP 403 Forbidden\n* diagnosis:\nwrong-scope (HTTP 403)');
  expect(verbose.stderr).toContain("signed for region 'eu-west-1'");
  expect(verbose.stderr).toContain('as the --region option');
  expect(verbose.stderr.match(/wrong-scope/g)).toHaveLength(1);
  expectNoSecret([quiet, verbose]);
});

test('a signature mismatch under -v shows the differing canonical lines, still without secrets', async () => {
  // Signed for another host than the one that receives it: what a Host-rewriting proxy does.
  const origin = endpoint.url.replace('127.0.0.1', 'localhost');
  const args = ['-v', '--region', 'us-east-1', '--service', 'execute-api'];
  const result = await cli([...args, '--signing-origin', origin, `${endpoint.url}/prod/items`]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('* diagnosis:\nsignature-mismatch (HTTP 403)');
  expect(result.stderr).toContain(`- signed: localhost:${endpoint.port}`);
  expect(result.stderr).toContain(`+ server: 127.0.0.1:${endpoint.port}`);
  expectNoSecret([result]);
});
