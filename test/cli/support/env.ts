/**
 * Child-process environments: test credentials in the environment, or a profile in a temporary
 * shared credentials file, and never anything from the developer's own AWS setup.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';

/** A temporary directory with empty config and credentials files; `remove()` deletes it. */
export function awsFiles(credentialsText = '') {
  const dir = mkdtempSync(join(tmpdir(), 'sigv4-cli-'));
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  writeFileSync(config, '');
  writeFileSync(credentials, credentialsText);
  return {
    dir,
    env: { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** No instance metadata lookups, files of our own, and no other AWS_* variable. */
export const baseEnv = (files: { env: Record<string, string> }) => ({
  AWS_EC2_METADATA_DISABLED: 'true',
  ...files.env,
});

/** The test credentials as Lambda puts them in the environment. */
export const credentialsEnv = {
  AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  AWS_SESSION_TOKEN: TEST_CREDENTIALS.sessionToken,
};

/** A shared credentials file holding the test credentials under `[profile]`. */
export const profileFile = (profile: string) =>
  [
    `[${profile}]`,
    `aws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}`,
    `aws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}`,
    `aws_session_token = ${TEST_CREDENTIALS.sessionToken}`,
    '',
  ].join('\n');

/** Every secret that must never be printed: the keys' secret and token, and each signature sent. */
export function secretsOf(requests: Array<{ raw: { rawHeaders: string[] } }>): string[] {
  const signatures = requests.flatMap(({ raw }) =>
    raw.rawHeaders.flatMap((value) => /Signature=([0-9a-f]{64})/.exec(value)?.[1] ?? []),
  );
  return [TEST_CREDENTIALS.secretAccessKey, TEST_CREDENTIALS.sessionToken, ...signatures];
}
