/**
 * Given axios itself, attachSigV4 works with that axios, never another copy: a process that holds
 * a second axios (here 1.6.0 beside the newest this package resolves) gets its requests sent by
 * its own axios's adapters and ended with its own axios's error classes.
 */
import newest from 'axios';
import oldest from 'axios-oldest';
import { attachSigV4, type SigV4Options } from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';

const scope = { region: 'us-east-1', service: 'execute-api' } as const;

let endpoint: LocalIamEndpoint;
beforeAll(async () => {
  endpoint = await startLocalIamEndpoint(scope);
});
afterAll(() => endpoint.close());

/** Signs with `axios` itself (its global interceptors) for one call, then detaches. */
async function withSigning<T>(
  credentials: SigV4Options['credentials'],
  call: () => Promise<T>,
): Promise<T> {
  const detach = attachSigV4(oldest, { ...scope, credentials });
  try {
    return await call();
  } finally {
    detach();
  }
}

test('the two copies are distinct (else this file proves nothing)', () => {
  expect(oldest.VERSION).toBe('1.6.0');
  expect(oldest.AxiosError).not.toBe(newest.AxiosError);
});

test('a request through axios itself is signed and sent', async () => {
  const response = await withSigning(TEST_CREDENTIALS, () =>
    oldest.get(`${endpoint.url}/prod/items`, { params: { q: 'a b' } }),
  );
  expect(response.status).toBe(200);
  expect(endpoint.requests.at(-1)?.result.ok).toBe(true);
});

describe('a call ended before it is sent (credentials that never come)', () => {
  const never = () => new Promise<never>(() => undefined);

  test("a timeout rejects with that axios's AxiosError", async () => {
    const error = await withSigning(never, () =>
      oldest.get(`${endpoint.url}/prod/items`, { timeout: 20 }).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(oldest.AxiosError);
    expect(error).not.toBeInstanceOf(newest.AxiosError);
    expect(error).toMatchObject({ code: 'ECONNABORTED' });
  });

  test("an abort rejects with that axios's CanceledError", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await withSigning(never, () =>
      oldest.get(`${endpoint.url}/prod/items`, { signal: controller.signal }).catch((e) => e),
    );
    expect(error).toBeInstanceOf(oldest.CanceledError);
    expect(error).not.toBeInstanceOf(newest.CanceledError);
  });
});
