/**
 * Every call settles: a credential source that never answers fails the call with a typed error
 * after `credentialsTimeoutMs` (default 10 s); the caller's AbortSignal, axios's `timeout` and
 * `signal` end the call at once while credentials resolve or the body is read, and the shared
 * resolution in flight still serves the next caller. Nothing here asserts a duration: a call that
 * did not settle would hang until jest's own timeout fails the test.
 */
import { Readable } from 'node:stream';
import axios from 'axios';
import {
  attachSigV4,
  createSignedFetch,
  createSigner,
  type AwsCredentialIdentity,
} from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { CLIENT_NAMES, CLIENTS } from '../support/clients';
import { freshEndpoint } from '../support/freshEndpoint';

const scope = { region: 'us-east-1', service: 'execute-api' } as const;

/** A provider that answers only when the test says so, counting its calls. */
function heldProvider() {
  let release: (credentials: AwsCredentialIdentity) => void = () => undefined;
  const answer = new Promise<AwsCredentialIdentity>((resolve) => (release = resolve));
  let calls = 0;
  return {
    provider: () => {
      calls++;
      return answer;
    },
    release: () => release(TEST_CREDENTIALS),
    calls: () => calls,
  };
}

const endpoint = freshEndpoint({ region: 'us-east-1' });

describe.each(CLIENT_NAMES)('%s', (client) => {
  test('a credential source that never answers: the typed error naming the source, nothing sent', async () => {
    const never = () => new Promise<AwsCredentialIdentity>(() => undefined);
    const call = CLIENTS[client]({ ...scope, credentials: never, credentialsTimeoutMs: 50 });
    await expect(call(`${endpoint.url}/prod/x`)).rejects.toMatchObject({
      name: 'SigV4CredentialsError',
      code: 'CREDENTIALS_TIMEOUT',
      message: expect.stringMatching(/the `credentials` option within 50 ms.*credentialsTimeoutMs/),
    });
    expect(endpoint.requests).toHaveLength(0);
  });
});

test('the default bound is 10 s', async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  try {
    const never = () => new Promise<AwsCredentialIdentity>(() => undefined);
    const signing = createSigner({ ...scope, credentials: never }).sign({
      method: 'GET',
      url: 'https://api.example.com/x',
    });
    const settled = jest.fn();
    signing.then(settled, settled);
    await jest.advanceTimersByTimeAsync(9_999);
    expect(settled).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    await expect(signing).rejects.toMatchObject({ code: 'CREDENTIALS_TIMEOUT' });
  } finally {
    jest.useRealTimers();
  }
});

describe('while credentials resolve, the caller ends the call at once; the resolution serves the next', () => {
  test('fetch: AbortSignal.timeout rejects with its TimeoutError, as fetch does', async () => {
    const held = heldProvider();
    const signedFetch = createSignedFetch({ ...scope, credentials: held.provider });
    const error = await signedFetch(`${endpoint.url}/prod/x`, {
      signal: AbortSignal.timeout(100),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(endpoint.requests).toHaveLength(0);
    held.release();
    expect((await signedFetch(`${endpoint.url}/prod/x`)).status).toBe(200);
    expect(held.calls()).toBe(1);
  });

  test('fetch: a Request input carries its signal; an aborted one rejects with its reason', async () => {
    const held = heldProvider();
    const signedFetch = createSignedFetch({ ...scope, credentials: held.provider });
    const controller = new AbortController();
    const pending = signedFetch(
      new Request(`${endpoint.url}/prod/x`, { signal: controller.signal }),
    );
    controller.abort(new Error('the caller gave up'));
    await expect(pending).rejects.toThrow('the caller gave up');
    held.release();
  });

  test('axios: timeout rejects with ECONNABORTED "timeout of 100ms exceeded"', async () => {
    const held = heldProvider();
    const api = axios.create({ timeout: 100 });
    attachSigV4(api, { ...scope, credentials: held.provider });
    await expect(api.get(`${endpoint.url}/prod/x`)).rejects.toMatchObject({
      code: 'ECONNABORTED',
      message: 'timeout of 100ms exceeded',
    });
    held.release();
    const later = axios.create();
    attachSigV4(later, { ...scope, credentials: held.provider });
    expect((await later.get(`${endpoint.url}/prod/x`)).status).toBe(200);
    expect(held.calls()).toBe(1);
  });

  test('axios: an aborted signal rejects with CanceledError', async () => {
    const held = heldProvider();
    const api = axios.create();
    attachSigV4(api, { ...scope, credentials: held.provider });
    const controller = new AbortController();
    const pending = api.get(`${endpoint.url}/prod/x`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(axios.isCancel(error)).toBe(true);
    expect(endpoint.requests).toHaveLength(0);
    held.release();
  });
});

describe('while the body is read, the caller ends the call at once', () => {
  /** A stream body that never ends. */
  const endless = () => new Readable({ read() {} });

  test('fetch', async () => {
    const signedFetch = createSignedFetch({ ...scope, credentials: TEST_CREDENTIALS });
    const error = await signedFetch(`${endpoint.url}/prod/x`, {
      method: 'POST',
      body: endless() as unknown as BodyInit,
      duplex: 'half',
      signal: AbortSignal.timeout(100),
    } as RequestInit).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(endpoint.requests).toHaveLength(0);
  });

  test('axios', async () => {
    const api = axios.create({ timeout: 100 });
    attachSigV4(api, { ...scope, credentials: TEST_CREDENTIALS });
    await expect(api.post(`${endpoint.url}/prod/x`, endless())).rejects.toMatchObject({
      code: 'ECONNABORTED',
    });
    expect(endpoint.requests).toHaveLength(0);
  });
});

test('fetch: a signal aborted after the answer changes nothing', async () => {
  const controller = new AbortController();
  const signedFetch = createSignedFetch({ ...scope, credentials: TEST_CREDENTIALS });
  const response = await signedFetch(`${endpoint.url}/prod/x`, { signal: controller.signal });
  controller.abort();
  expect(response.status).toBe(200);
});
