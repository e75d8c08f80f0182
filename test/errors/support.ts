import type { SigV4Options } from 'aws-sigv4-interceptor';
/**
 * Helpers of the error tests: a recording server that counts what arrives (an error must come
 * before anything is sent), distinctive secrets, and a scan of everything an error exposes.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';

/**
 * Credentials whose secret parts are distinctive, so that a leak anywhere is found by a plain
 * substring search. The access key id is not a secret (it is sent in every signature).
 */
export const DISTINCT_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKIAERRORTESTKEY0001',
  secretAccessKey: 'Distinct/SecretKey+ForErrorTests/zzQQ9876',
  sessionToken: 'DistinctSessionToken+ForErrorTests//qqZZ5432==',
});

/** Every value that must never appear in an error. */
export const SECRETS = [DISTINCT_CREDENTIALS.secretAccessKey, DISTINCT_CREDENTIALS.sessionToken];

export interface RecordingServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** How many requests arrived so far. */
  count(): number;
  /** The requests that arrived: method, target and headers (names lower-cased by node). */
  readonly received: ReadonlyArray<{ method?: string; url?: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1:0 that answers 204 and counts every request that reaches it. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const received: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((req, res) => {
    received.push({ method: req.method, url: req.url, headers: req.headers });
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    count: () => received.length,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Runs `action` and returns what it threw or rejected with; fails when it succeeded. */
export async function caught(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but the call succeeded');
}

/** The same, for a call that must throw synchronously (not return a rejected promise). */
export function caughtSync(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a synchronous throw, but the call returned');
}

/**
 * Every string reachable from `value` through own properties (enumerable or not, so `message`,
 * `stack` and `cause` included), each with the path it was found at.
 */
export function reachableStrings(value: unknown): Array<{ path: string; text: string }> {
  const found: Array<{ path: string; text: string }> = [];
  const seen = new Set<unknown>();
  const walk = (current: unknown, path: string, depth: number) => {
    if (typeof current === 'string') {
      found.push({ path, text: current });
      return;
    }
    if (typeof current !== 'object' && typeof current !== 'function') return;
    if (current === null || seen.has(current) || depth > 8) return;
    seen.add(current);
    for (const key of Reflect.ownKeys(current)) {
      let child: unknown;
      try {
        child = (current as Record<PropertyKey, unknown>)[key];
      } catch {
        continue;
      }
      walk(child, `${path}.${String(key)}`, depth + 1);
    }
  };
  walk(value, 'error', 0);
  return found;
}

/**
 * Every rendering of an error a user or a logger could see: message, stack, String(), JSON of
 * the own enumerable props, util.inspect (what console.log prints), and every string reachable
 * through its own properties and its `cause` chain.
 */
export function renderingsOf(error: unknown): Array<{ path: string; text: string }> {
  const err = error as Error;
  return [
    { path: 'message', text: String(err.message) },
    { path: 'stack', text: String(err.stack) },
    { path: 'String(error)', text: String(error) },
    { path: 'JSON.stringify', text: JSON.stringify(error) ?? '' },
    { path: 'inspect', text: inspect(error, { depth: Infinity, showHidden: true }) },
    ...reachableStrings(error),
  ];
}

/** The places where one of `secrets` shows up in `error` (empty when none does). */
export function leaksOf(error: unknown, secrets: readonly string[] = SECRETS): string[] {
  const leaks: string[] = [];
  for (const { path, text } of renderingsOf(error)) {
    for (const secret of secrets) {
      if (text.includes(secret)) leaks.push(`${path} contains "${secret}"`);
    }
  }
  return leaks;
}

/**
 * Checks the documented message shape `<what failed>: <METHOD> <URL> - <how to fix>` and that the
 * error carries the same method and URL.
 */
export function expectMessageShape(error: unknown, method: string, url: string): void {
  const { message } = error as Error;
  const where = `: ${method} ${url} - `;
  expect(message).toContain(where);
  const at = message.indexOf(where);
  expect(message.slice(0, at).trim()).not.toBe('');
  expect(message.slice(at + where.length).trim()).not.toBe('');
  expect(error).toMatchObject({ method, url });
}

/**
 * One recording server for the whole test file, closed after it, and the number of requests the
 * current test added (each error case must add none).
 */
export function useRecordingServer(): { readonly server: RecordingServer; added(): number } {
  let server: RecordingServer | undefined;
  let baseline = 0;
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    baseline = server!.count();
  });
  return {
    get server() {
      return server!;
    },
    added: () => server!.count() - baseline,
  };
}

/** The options of most cases: signs 127.0.0.1 with an explicit scope. */
export const SIGNING: SigV4Options = {
  region: 'us-east-1',
  service: 'execute-api',
  credentials: DISTINCT_CREDENTIALS,
};
