/**
 * Bad requests through real axios (http adapter) with attachSigV4 reject the request promise with
 * our typed error, as is (axios does not wrap what an interceptor or an adapter throws), and
 * nothing reaches the recording server.
 */
import axios, { type AxiosInstance } from 'axios';
import { attachSigV4, type SigV4Options } from 'aws-sigv4-interceptor';
import {
  failingNodeStream,
  failingWebStream,
  useRefusalChecks,
  type ExpectedRefusal,
} from './refusedRequests';
import { caught, DISTINCT_CREDENTIALS, SIGNING } from './support';

const { recording, expectRefused } = useRefusalChecks();

function signedAxios(
  options: SigV4Options = SIGNING,
  baseURL: string | null = recording.server.url,
) {
  const instance = axios.create({ baseURL: baseURL ?? undefined });
  attachSigV4(instance, options);
  return instance;
}

function expectRequestError(error: unknown, expected: ExpectedRefusal): void {
  // Passed through as is: not an AxiosError wrapping ours.
  expect(axios.isAxiosError(error)).toBe(false);
  expectRefused(error, expected);
}

describe('axios: INVALID_URL', () => {
  test('no baseURL and a relative url', async () => {
    const api = signedAxios(SIGNING, null);
    const error = await caught(() => api.get('/prod/items', { params: { limit: 2 } }));
    expectRequestError(error, { code: 'INVALID_URL', method: 'GET', url: '/prod/items?limit=2' });
  });

  test('a relative baseURL', async () => {
    const api = signedAxios(SIGNING, '/prod');
    const error = await caught(() => api.post('/items', { a: 1 }));
    expectRequestError(error, { code: 'INVALID_URL', method: 'POST', url: '/prod/items' });
  });
});

describe('axios: UNKNOWN_SIGNING_SCOPE', () => {
  test.each([
    { name: 'hosts by name', hosts: () => ['127.0.0.1'] },
    { name: 'hosts by host:port', hosts: () => [`127.0.0.1:${recording.server.port}`] },
    { name: 'hosts by RegExp', hosts: () => [/^127\.0\.0\.1$/] },
  ])('$name, neither region nor service', async ({ hosts }) => {
    const api = signedAxios({ credentials: DISTINCT_CREDENTIALS, hosts: hosts() });
    const error = await caught(() => api.delete('/prod/items/7'));
    expectRequestError(error, {
      code: 'UNKNOWN_SIGNING_SCOPE',
      method: 'DELETE',
      url: `${recording.server.url}/prod/items/7`,
    });
    expect((error as Error).message).toMatch(/pass `region` and `service`/);
  });
});

describe('axios: UNREADABLE_BODY', () => {
  let api: AxiosInstance;
  beforeAll(() => {
    api = signedAxios();
  });

  test('a Node Readable that emits error', async () => {
    const body = failingNodeStream('upload source vanished');
    const error = await caught(() => api.put('/upload', body));
    expectRequestError(error, {
      code: 'UNREADABLE_BODY',
      method: 'PUT',
      url: `${recording.server.url}/upload`,
    });
    expect((error as Error).message).toContain('upload source vanished');
  });

  test('a web ReadableStream that errors', async () => {
    const body = failingWebStream('web stream broke');
    const error = await caught(() => api.post('/upload', body));
    expectRequestError(error, {
      code: 'UNREADABLE_BODY',
      method: 'POST',
      url: `${recording.server.url}/upload`,
    });
    expect((error as Error).message).toContain('web stream broke');
  });

  test.each([
    { name: 'a number', data: 42 },
    { name: 'a boolean', data: true },
    { name: 'a bigint', data: BigInt(7) },
  ])('an unsupported data type that reaches the adapter: $name', async ({ data }) => {
    const error = await caught(() => api.post('/upload', data));
    expectRequestError(error, {
      code: 'UNREADABLE_BODY',
      method: 'POST',
      url: `${recording.server.url}/upload`,
    });
    expect((error as Error).message).toMatch(/unsupported body type/);
  });
});

describe('axios: a fine request does reach the server (the counter works)', () => {
  test('one signed request arrives, signed', async () => {
    const response = await signedAxios().get('/ok');
    expect(response.status).toBe(204);
    expect(recording.added()).toBe(1);
    expect(recording.server.received.at(-1)?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAERRORTESTKEY0001\//,
    );
  });
});
