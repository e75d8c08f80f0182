import axios from 'axios';
import { attachSigV4, createSignedFetch } from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';

/**
 * Region and service inferred from a real API Gateway host name, end to end: axios resolves
 * that name to the local endpoint (its `lookup` option), so the request carries the AWS Host
 * while nothing leaves 127.0.0.1.
 */
const API_HOST = 'abc123.execute-api.eu-west-1.amazonaws.com';
const toLoopback = async () => ({ address: '127.0.0.1', family: 4 as const });

let endpoint: LocalIamEndpoint;
beforeAll(async () => {
  endpoint = await startLocalIamEndpoint({ region: 'eu-west-1', service: 'execute-api' });
});
afterAll(() => endpoint.close());

test('axios: no region or service given, the signature is scoped to the host', async () => {
  const api = axios.create({
    baseURL: `http://${API_HOST}:${endpoint.port}/prod`,
    lookup: toLoopback,
    validateStatus: () => true,
  });
  attachSigV4(api, { credentials: TEST_CREDENTIALS });
  const response = await api.post('/orders', { id: 1 });
  expect(response.status).toBe(200);
  expect(response.data.headers.host).toBe(`${API_HOST}:${endpoint.port}`);
  expect(response.data.stringToSign).toContain('/eu-west-1/execute-api/aws4_request');
});

test('fetch: a loopback host is out of the default scope and passes through unsigned', async () => {
  const signedFetch = createSignedFetch({ credentials: TEST_CREDENTIALS });
  const response = await signedFetch(`${endpoint.url}/prod/orders`);
  expect(response.status).toBe(403);
  expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
});
