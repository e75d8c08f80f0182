/**
 * `--profile` reads the named profile of the shared credentials file through the SDK's fromIni,
 * and wins over keys exported in the environment, as the AWS CLI's `--profile` does.
 */
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { baseEnv, profileFile } from './support/env';
import { HINT, runCli } from './support/run';
import { useBuiltCliAndEndpoint } from './support/suite';

const { endpoint, files } = useBuiltCliAndEndpoint(undefined, profileFile('cli-test'));
const args = (...more: string[]) => ['--region', 'us-east-1', '--service', 'execute-api', ...more];
/** Keys the endpoint does not know. */
const otherKeys = {
  AWS_ACCESS_KEY_ID: 'AKIAOTHERKEY00000001',
  AWS_SECRET_ACCESS_KEY: 'otherSecretKeyThatTheEndpointDoesNotKnow00',
};

test('--profile signs with the profile, no keys in the environment', async () => {
  const env = baseEnv(files);
  expect(Object.keys(env).filter((name) => /KEY|TOKEN/.test(name))).toEqual([]);
  const { code, stdout } = await runCli(
    args('--profile', 'cli-test', `${endpoint.url}/prod/p`),
    env,
  );
  expect(code).toBe(0);
  expect(JSON.parse(stdout.toString()).accessKeyId).toBe(TEST_CREDENTIALS.accessKeyId);
  expect(endpoint.requests.at(-1)?.result.ok).toBe(true);
});

test('--profile wins over keys in the environment, which the default chain would use', async () => {
  const env = { ...baseEnv(files), ...otherKeys };
  const withProfile = await runCli(args('--profile', 'cli-test', `${endpoint.url}/prod/p`), env);
  expect(withProfile.code).toBe(0);
  const withoutProfile = await runCli(args(`${endpoint.url}/prod/p`), env);
  expect(withoutProfile.code).toBe(1);
  expect(withoutProfile.stderr).toBe(`HTTP 403 Forbidden\n${HINT}`);
});

test('an unknown profile: exit 2, naming the profile and what to check, nothing sent', async () => {
  const before = endpoint.requests.length;
  const { code, stderr } = await runCli(
    args('--profile', 'nope', `${endpoint.url}/prod/p`),
    baseEnv(files),
  );
  expect(code).toBe(2);
  expect(stderr).toMatch(
    /^aws-sigv4-interceptor: Could not resolve AWS credentials from --profile nope /,
  );
  expect(stderr).toContain('aws sso login --profile nope');
  expect(endpoint.requests.length).toBe(before);
});
