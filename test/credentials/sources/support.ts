/**
 * Helpers of the credential-source tests: the AWS SDK's real providers pointed at the local
 * credential services of aws-sigv4-interceptor/testing, and requests signed with what they
 * return, checked by a local IAM endpoint.
 *
 * Safety: `isolateAwsEnvironment()` removes every AWS_* variable for the test file, disables
 * instance metadata and points the shared config and credentials files at empty temporary files,
 * and records every socket connection and refuses any that is not to a loopback address, so
 * nothing here can reach AWS or 169.254.169.254.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import {
  clearCredentialCache,
  createAxiosInterceptor,
  createSignedFetch,
  type AwsCredentialProvider,
  type SigV4Options,
} from 'aws-sigv4-interceptor';
import type { IssuedCredentials, LocalIamEndpoint } from 'aws-sigv4-interceptor/testing';
import { guardConnections, type ConnectTarget } from '../../support/connectionGuard';

export const REGION = 'us-east-1';

/** A scratch directory for the whole test file: config files, token caches, a fake HOME. */
export interface Scratch {
  readonly dir: string;
  /** Writes `name` in the scratch directory (a fresh name per test: the SDK caches files by path). */
  write(name: string, text: string): string;
}

/**
 * Clears every AWS_* variable now (before any provider is built) and around each test, with
 * instance metadata disabled and the shared files pointed at empty files; restores the
 * environment after the file. Also clears the package's credential cache around each test, and
 * refuses every connection but to loopback (`connections`: each one made, in order).
 */
export function isolateAwsEnvironment(): {
  scratch: Scratch;
  useEnv(values: Record<string, string>): void;
  connections: { readonly targets: ConnectTarget[] };
} {
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'sigv4-sources-'));
  const scratch: Scratch = {
    dir,
    write: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
  const baseline = {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: scratch.write('empty-config', ''),
    AWS_SHARED_CREDENTIALS_FILE: scratch.write('empty-credentials', ''),
  };
  const useEnv = (values: Record<string, string>) => {
    for (const name of Object.keys(process.env)) {
      if (name.startsWith('AWS_')) delete process.env[name];
    }
    Object.assign(process.env, baseline, values);
  };
  useEnv({});
  beforeEach(() => clearCredentialCache());
  afterEach(() => {
    clearCredentialCache();
    useEnv({});
  });
  afterAll(() => {
    for (const name of Object.keys(process.env)) {
      if (!(name in saved)) delete process.env[name];
    }
    Object.assign(process.env, saved);
    rmSync(dir, { recursive: true, force: true });
  });
  return { scratch, useEnv, connections: guardConnections() };
}

/** What the IAM endpoint answered one signed request. */
export interface Outcome {
  status: number;
  /** The key id the endpoint verified (200), or undefined. */
  accessKeyId?: string;
  /** `x-amzn-ErrorType` of a refusal. */
  errorType?: string;
}

/** A signed fetch and an axios instance with the interceptor, sharing `options`. */
export interface SignedClients {
  fetch(url: string): Promise<Outcome>;
  axios(url: string): Promise<Outcome>;
  /** `count` requests at once, alternating fetch and axios. */
  concurrently(url: string, count: number): Promise<Outcome[]>;
}

/**
 * Creates both clients as an application would: once, with `credentials` from an SDK provider
 * (undefined: no `credentials` option, the default chain).
 */
export function signedClients(
  credentials: AwsCredentialProvider | undefined,
  options: Omit<SigV4Options, 'credentials'> = {},
): SignedClients {
  const settings: SigV4Options = {
    region: REGION,
    service: 'execute-api',
    ...(credentials && { credentials }),
    ...options,
  };
  const signedFetch = createSignedFetch(settings);
  const api = axios.create({ validateStatus: () => true });
  api.interceptors.request.use(createAxiosInterceptor(settings));
  const clients = {
    fetch: async (url: string) => {
      const response = await signedFetch(url);
      const body = (await response.json()) as { accessKeyId?: string };
      const errorType = response.headers.get('x-amzn-errortype') ?? undefined;
      return { status: response.status, accessKeyId: body.accessKeyId, errorType };
    },
    axios: async (url: string) => {
      const response = await api.get<{ accessKeyId?: string }>(url);
      const errorType = response.headers['x-amzn-errortype'] as string | undefined;
      return { status: response.status, accessKeyId: response.data.accessKeyId, errorType };
    },
  };
  return {
    ...clients,
    concurrently: (url, count) =>
      Promise.all(
        Array.from({ length: count }, (_, i) => (i % 2 ? clients.axios(url) : clients.fetch(url))),
      ),
  };
}

/** A 200 verified with this key id. */
export const verifiedWith = (accessKeyId: string): Outcome => ({
  status: 200,
  accessKeyId,
  errorType: undefined,
});

/** Resolves once `at` (epoch ms) has passed on the real clock; never waits more than `maxMs`. */
export async function sleepUntil(at: number, maxMs = 5000): Promise<void> {
  const wait = at - Date.now();
  if (wait > maxMs) throw new Error(`refusing to wait ${wait} ms (more than ${maxMs})`);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 1));
}

/** The time from which a cache with this margin must refresh `issued`. */
export const refreshTime = (issued: IssuedCredentials, marginMs: number) =>
  issued.expiration.getTime() - marginMs;

/** Requests the endpoint verified since `from` (an index into `requests`), by key id. */
export function verifiedKeysSince(endpoint: LocalIamEndpoint, from: number): string[] {
  return endpoint.requests
    .slice(from)
    .map(({ result }) => (result.ok ? result.accessKeyId : `refused: ${result.errorType}`));
}

/**
 * The expiry-driven refresh every source shares: requests before it verify with the first keys
 * issued, requests once the margin is reached with the second. The caller asserts its service's
 * own call counts. `issued` is the server's live list.
 */
export async function expectRefreshedOnce(
  clients: SignedClients,
  url: string,
  issued: readonly IssuedCredentials[],
  marginMs: number,
): Promise<void> {
  expect(await clients.concurrently(url, 4)).toEqual(
    Array(4).fill(verifiedWith(issued[0].accessKeyId)),
  );
  await sleepUntil(refreshTime(issued[0], marginMs));
  const refreshed = await clients.concurrently(url, 10);
  expect(refreshed).toEqual(Array(10).fill(verifiedWith(issued[1].accessKeyId)));
}
