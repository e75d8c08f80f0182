import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CREDENTIALS, HOST, REGION } from '../fixtures';

/** One process to start: a script given to `node -e`, CommonJS or ESM. */
export interface StartupEntry {
  readonly name: string;
  readonly script: string;
  readonly esm?: boolean;
}

const URL_TO_SIGN = `https://${HOST}/prod/items?limit=10`;
const STUB_FETCH = 'async () => new Response(null)';
const STUB_ADAPTER =
  'async (config) => ({ data: "", status: 200, statusText: "OK", headers: {}, config })';

/** The processes compared: baselines, each package imported, and a first signed request. */
export function startupEntries(distDir: string): StartupEntry[] {
  const cjs = JSON.stringify(join(distDir, 'index.js'));
  const esm = JSON.stringify(pathToFileURL(join(distDir, 'index.mjs')).href);
  const testing = JSON.stringify(join(distDir, 'testing', 'index.js'));
  const url = JSON.stringify(URL_TO_SIGN);
  return [
    { name: 'node, nothing imported', script: '' },
    {
      name: 'fetch alone (new Request: loads undici)',
      script: 'new Request("https://example.com")',
    },
    { name: 'axios alone', script: 'require("axios")' },
    { name: 'ours (require)', script: `require(${cjs})` },
    { name: 'ours (import)', script: `await import(${esm})`, esm: true },
    { name: 'ours, testing entry (require)', script: `require(${testing})` },
    {
      name: 'fetch + ours (require)',
      script: `new Request("https://example.com"); require(${cjs})`,
    },
    { name: 'axios + ours (require)', script: `require("axios"); require(${cjs})` },
    { name: 'aws4', script: 'require("aws4")' },
    { name: 'aws4-axios (with axios)', script: 'require("aws4-axios")' },
    { name: 'aws-sigv4-fetch (import)', script: 'await import("aws-sigv4-fetch")', esm: true },
    { name: 'aws4fetch', script: 'require("aws4fetch")' },
    { name: '@smithy/signature-v4', script: 'require("@smithy/signature-v4")' },
    {
      name: 'ours: first signed fetch, env credentials (fetch stubbed)',
      script: `require(${cjs}).createSignedFetch({ fetch: ${STUB_FETCH} })(${url}).then(() => {})`,
    },
    {
      name: 'ours: first signed axios request, env credentials (adapter stubbed)',
      script: `const a = require("axios").create({ adapter: ${STUB_ADAPTER} }); require(${cjs}).attachSigV4(a); a.get(${url}).then(() => {})`,
    },
    {
      name: 'aws-sigv4-fetch: first signed fetch, env credentials (fetch stubbed)',
      script: `const { createSignedFetcher } = await import("aws-sigv4-fetch"); await createSignedFetcher({ service: "execute-api", region: ${JSON.stringify(REGION)}, fetch: ${STUB_FETCH} })(${url})`,
      esm: true,
    },
    {
      name: 'aws4fetch: first signed request (AwsClient.sign), env credentials',
      script: `const e = process.env; new (require("aws4fetch").AwsClient)({ accessKeyId: e.AWS_ACCESS_KEY_ID, secretAccessKey: e.AWS_SECRET_ACCESS_KEY, sessionToken: e.AWS_SESSION_TOKEN }).sign(${url}).then(() => {})`,
    },
    {
      name: 'aws4: first sign, env credentials',
      script: `require("aws4").sign({ host: ${JSON.stringify(HOST)}, path: "/prod/items?limit=10" })`,
    },
  ];
}

/** Lambda's environment: the role's keys and region, nothing else the SDK chain would probe. */
const LAMBDA_ENV = {
  AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
  AWS_SESSION_TOKEN: CREDENTIALS.sessionToken,
  AWS_REGION: REGION,
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** Runs one whole process (Lambda's environment, nothing else); its wall time and output. */
function run(entry: StartupEntry, cwd: string): { readonly ms: number; readonly stdout: string } {
  const args = entry.esm ? ['--input-type=module', '-e', entry.script] : ['-e', entry.script];
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...LAMBDA_ENV };
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  if (result.status !== 0) {
    throw new Error(
      `${entry.name} failed (${result.status}): ${String(result.stderr).slice(0, 500)}`,
    );
  }
  return { ms, stdout: String(result.stdout) };
}

/** Wall time of one whole process, spawn to exit, in milliseconds. Throws if it fails. */
export const timeStartup = (entry: StartupEntry, cwd: string): number => run(entry, cwd).ms;

const GRAPHS = join(__dirname, '..', '..', 'test', 'smoke', 'axiosGraphs.cjs');

/**
 * The axios copies (their entry files) a process holds once it has signed one axios request
 * through our build, its adapter stubbed: CommonJS (`require` of axios and of ours) and ES
 * modules (`import` of both). One each is the target: the caller's own axios.
 */
export function axiosGraphs(distDir: string, cwd: string): Record<'cjs' | 'esm', string[]> {
  const url = JSON.stringify(URL_TO_SIGN);
  const signOne = `const a = axios.create({ adapter: ${STUB_ADAPTER} }); ours.attachSigV4(a); await a.get(${url});`;
  const print = 'console.log(JSON.stringify(graphs.axiosEntriesLoaded()));';
  const cjs = `(async () => { const axios = require("axios"); const ours = require(${JSON.stringify(join(distDir, 'index.js'))}); const graphs = require(${JSON.stringify(GRAPHS)}); ${signOne} ${print} })()`;
  const esm = `import axios from "axios"; const ours = await import(${JSON.stringify(pathToFileURL(join(distDir, 'index.mjs')).href)}); const graphs = await import(${JSON.stringify(pathToFileURL(GRAPHS).href)}); ${signOne} ${print}`;
  const entries = (script: string, isEsm: boolean) =>
    (JSON.parse(run({ name: 'axios copies', script, esm: isEsm }, cwd).stdout) as string[]).map(
      (file) => file.replace(/^.*node_modules\//, ''),
    );
  return { cjs: entries(cjs, false), esm: entries(esm, true) };
}
