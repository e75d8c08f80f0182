/**
 * `endpoint.signingOptions`: the README's "Testing your own code" snippet as written. Signers
 * given the endpoint's own options are accepted by it (real fetch, real axios); without them a
 * request to 127.0.0.1 is not in scope and arrives unsigned.
 */
import axios from 'axios';
import { attachSigV4, createSignedFetch } from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';

let endpoint: LocalIamEndpoint;
afterEach(() => endpoint?.close());

test('they name the endpoint: its region, service, host:port and the test credentials', async () => {
  endpoint = await startLocalIamEndpoint({ region: 'eu-west-1' });
  expect(endpoint.signingOptions).toEqual({
    region: 'eu-west-1',
    service: 'execute-api',
    hosts: [`127.0.0.1:${endpoint.port}`],
    credentials: { ...TEST_CREDENTIALS },
  });
});

test('a signed fetch given them is accepted; a bare one is refused as unsigned', async () => {
  endpoint = await startLocalIamEndpoint({ region: 'eu-west-1', routes: ['GET /prod/items'] });
  const signedFetch = createSignedFetch(endpoint.signingOptions);
  expect((await signedFetch(`${endpoint.url}/prod/items`)).status).toBe(200);
  const unscoped = createSignedFetch({ credentials: TEST_CREDENTIALS });
  const unsigned = await unscoped(`${endpoint.url}/prod/items`);
  expect(unsigned.status).toBe(403);
  expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
});

test('axios given them is accepted, with its own service and identity', async () => {
  const identity = { accessKeyId: 'AKIAOTHERTEST0000001', secretAccessKey: 'other/Secret+Key01' };
  endpoint = await startLocalIamEndpoint({ service: 'lambda', credentials: [identity] });
  expect(endpoint.signingOptions).toMatchObject({ service: 'lambda', credentials: identity });
  const api = axios.create({ baseURL: endpoint.url });
  attachSigV4(api, endpoint.signingOptions);
  const { status } = await api.post('/orders', { id: 1 });
  expect(status).toBe(200);
  expect(endpoint.requests[0].result).toMatchObject({
    ok: true,
    accessKeyId: identity.accessKeyId,
  });
});

test('each read is a fresh copy: changing one does not change the next', async () => {
  endpoint = await startLocalIamEndpoint();
  endpoint.signingOptions.hosts.push('example.com');
  expect(endpoint.signingOptions.hosts).toEqual([`127.0.0.1:${endpoint.port}`]);
});

test('an endpoint that accepts no identity has no signing options to give', async () => {
  endpoint = await startLocalIamEndpoint({ credentials: [] });
  expect(() => endpoint.signingOptions).toThrow('the endpoint accepts no identity');
});
