/**
 * A Lambda handler bundled by esbuild and run where no node_modules exists, as in a zip or a
 * SnapStart function: credentials come from the container endpoint (no keys in the environment),
 * so the SDK's provider chain is needed. esbuild cannot follow the package's load-by-name of
 * @aws-sdk/credential-providers: the error must say so and how to fix it, and the documented fix
 * (import the provider, pass it as `credentials`) must work from the bundle alone.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import {
  startLocalContainerCredentialsEndpoint,
  startLocalIamEndpoint,
  type LocalContainerCredentialsEndpoint,
  type LocalIamEndpoint,
  type TestIdentity,
} from 'aws-sigv4-interceptor/testing';

const ROOT = resolve(__dirname, '../..');
const TOKEN = 'local-snapstart-token';
const SCOPE = "region: 'eu-west-1', service: 'execute-api'";

/** The handler: one signed GET; the outcome (status, or the error's name/code/message) printed. */
const handler = (imports: string, credentials: string) => `
import { createSignedFetch } from 'aws-sigv4-interceptor';
${imports}
const signedFetch = createSignedFetch({ ${SCOPE}${credentials} });
signedFetch(process.env.API_URL!).then(
  (response) => console.log(JSON.stringify({ status: response.status })),
  (error) => console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message })),
);
`;

const HANDLERS = {
  defaultChain: handler('', ''),
  bundledProviders: handler(
    "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';",
    ', credentials: fromNodeProviderChain()',
  ),
};

let dir: string;
let api: LocalIamEndpoint;
let container: LocalContainerCredentialsEndpoint;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sigv4-bundle-')); // outside the repository: no node_modules
  const accepted: TestIdentity[] = [];
  container = await startLocalContainerCredentialsEndpoint({
    authorizationToken: TOKEN,
    registerWith: accepted,
  });
  api = await startLocalIamEndpoint({ region: 'eu-west-1', credentials: accepted });
  for (const [name, source] of Object.entries(HANDLERS)) {
    writeFileSync(join(dir, `${name}.ts`), source);
  }
  await build({
    entryPoints: Object.keys(HANDLERS).map((name) => join(dir, `${name}.ts`)),
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    alias: { 'aws-sigv4-interceptor': join(ROOT, 'src', 'index.ts') },
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'silent',
  });
}, 120_000);
afterAll(async () => {
  await api?.close();
  await container?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a bundle in `dir` with Lambda SnapStart's variables and nothing else from AWS. */
async function run(name: keyof typeof HANDLERS): Promise<Record<string, unknown>> {
  const empty = join(dir, 'empty');
  writeFileSync(empty, '');
  const { stdout } = await promisify(execFile)(process.execPath, [`${name}.js`], {
    cwd: dir,
    timeout: 30_000,
    env: {
      PATH: process.env.PATH ?? '',
      API_URL: `${api.url}/prod/items`,
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${container.url}/v2/credentials`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: TOKEN,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: empty,
      AWS_SHARED_CREDENTIALS_FILE: empty,
    },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

test('the default chain, left out of the bundle: the real cause and the fix, nothing sent', async () => {
  const before = api.requests.length;
  const outcome = await run('defaultChain');
  expect(outcome).toMatchObject({ name: 'SigV4CredentialsError', code: 'NO_CREDENTIALS' });
  const message = String(outcome.message);
  expect(message).toContain('Cannot find package @aws-sdk/credential-providers');
  expect(message).toContain('credentials: fromNodeProviderChain()');
  // Not the list of sources, none of which was tried.
  expect(message).not.toContain('Could not resolve AWS credentials from');
  expect(api.requests.length).toBe(before);
});

test('the providers imported by the handler and passed as credentials: signed from the bundle alone', async () => {
  await expect(run('bundledProviders')).resolves.toEqual({ status: 200 });
  expect(api.requests.at(-1)?.result).toMatchObject({ ok: true });
});
