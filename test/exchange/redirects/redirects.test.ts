/**
 * Redirects never carry a signing header to a host out of the signer's scope (DOMAIN.md §7):
 * a redirect within scope is signed afresh for its new URL; any other is followed with no
 * signing header at all. The second origin is a recorder on another loopback port.
 */
import {
  startLocalIamEndpoint,
  startRecordingServer,
  signingHeadersIn,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type RecordingServer,
} from 'aws-sigv4-interceptor/testing';
import { CLIENT_NAMES, CLIENTS } from '../../support/clients';

let recorder: RecordingServer;
let other: LocalIamEndpoint;
let endpoint: LocalIamEndpoint;

beforeEach(async () => {
  recorder = await startRecordingServer();
  other = await startLocalIamEndpoint();
  endpoint = await startLocalIamEndpoint({
    redirects: {
      '/prod/away': `${recorder.url}/landing?x=1`,
      '/prod/away-307': { location: `${recorder.url}/landing`, status: 307 },
      '/prod/away-303': { location: `${recorder.url}/landing`, status: 303 },
      '/prod/moved': '/prod/new',
      '/prod/sibling': `${other.url}/prod/there`,
    },
  });
});
afterEach(() => Promise.all([endpoint.close(), other.close(), recorder.close()]));

const inScope = () => ({
  region: 'us-east-1',
  service: 'execute-api',
  credentials: TEST_CREDENTIALS,
  hosts: [`127.0.0.1:${endpoint.port}`, `127.0.0.1:${other.port}`],
});

describe.each(CLIENT_NAMES)('%s', (client) => {
  test('302 to another origin: followed with no signing header', async () => {
    const answer = await CLIENTS[client](inScope())(`${endpoint.url}/prod/away`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ message: 'recorded' });
    expect(endpoint.requests.map((r) => r.result.ok)).toEqual([true]);
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0]).toMatchObject({ method: 'GET', url: '/landing?x=1' });
    expect(signingHeadersIn(recorder.requests[0])).toEqual([]);
    expect(Object.keys(recorder.requests[0].headers)).not.toContain('x-amz-region-set');
  });

  test('307 keeps method and body, and still no signing header', async () => {
    const call = CLIENTS[client](inScope());
    const answer = await call(`${endpoint.url}/prod/away-307`, { method: 'POST', body: 'keep me' });
    expect(answer.status).toBe(200);
    const [arrived] = recorder.requests;
    expect(arrived.method).toBe('POST');
    expect(Buffer.from(arrived.body).toString()).toBe('keep me');
    expect(signingHeadersIn(arrived)).toEqual([]);
  });

  test('303 turns a POST into a GET without body', async () => {
    const call = CLIENTS[client](inScope());
    await call(`${endpoint.url}/prod/away-303`, { method: 'POST', body: 'drop me' });
    const [arrived] = recorder.requests;
    expect(arrived.method).toBe('GET');
    expect(arrived.body.length).toBe(0);
    expect(arrived.headers['content-type']).toBeUndefined();
    expect(signingHeadersIn(arrived)).toEqual([]);
  });

  test('a redirect within the same host is signed afresh for the new path', async () => {
    const answer = await CLIENTS[client](inScope())(`${endpoint.url}/prod/moved`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ message: 'verified', path: '/prod/new' });
    expect(endpoint.requests.map((r) => r.result.ok)).toEqual([true, true]);
  });

  test('a redirect to another host in scope is signed for that host', async () => {
    const answer = await CLIENTS[client](inScope())(`${endpoint.url}/prod/sibling`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ message: 'verified', path: '/prod/there' });
    expect(other.requests.map((r) => r.result.ok)).toEqual([true]);
  });
});

test('fetch with redirect: "manual" gets the redirect itself; nothing reaches the other origin', async () => {
  const { createSignedFetch } = await import('aws-sigv4-interceptor');
  const response = await createSignedFetch(inScope())(`${endpoint.url}/prod/away`, {
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe(`${recorder.url}/landing?x=1`);
  expect(recorder.requests).toHaveLength(0);
});

test('axios with maxRedirects: 0 gets the redirect itself; nothing reaches the other origin', async () => {
  const { default: axios } = await import('axios');
  const { attachSigV4 } = await import('aws-sigv4-interceptor');
  const api = axios.create({ maxRedirects: 0, validateStatus: () => true });
  attachSigV4(api, inScope());
  const response = await api.get(`${endpoint.url}/prod/away`);
  expect(response.status).toBe(302);
  expect(recorder.requests).toHaveLength(0);
});

test('an axios retry of a redirected request (axios-retry style) follows the redirect again, unsigned', async () => {
  const { default: axios } = await import('axios');
  const { attachSigV4 } = await import('aws-sigv4-interceptor');
  const api = axios.create();
  attachSigV4(api, inScope());
  const first = await api.get(`${endpoint.url}/prod/away`);
  const again = await api.request(first.config);
  expect(again.data).toEqual({ message: 'recorded' });
  expect(recorder.requests).toHaveLength(2);
  expect(recorder.requests.map(signingHeadersIn)).toEqual([[], []]);
  expect(endpoint.requests.map((r) => r.result.ok)).toEqual([true, true]);
});
