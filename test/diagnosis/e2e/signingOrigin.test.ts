/**
 * CloudFront in front of API Gateway replaces Host with the origin's and may prepend an origin
 * path: a signature over the URL the client sees fails. With `signingOrigin` the request is
 * signed for what the origin receives, and verifies; without it, `diagnose` names the Host
 * rewrite and the option.
 */
import { diagnose } from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';
import { startCloudFrontLikeProxy, type CloudFrontLikeProxy } from '../../support/cloudfrontProxy';
import { CLIENT_NAMES, CLIENTS } from '../../support/clients';

let endpoint: LocalIamEndpoint;
let proxy: CloudFrontLikeProxy;
beforeAll(async () => {
  endpoint = await startLocalIamEndpoint();
  proxy = await startCloudFrontLikeProxy(endpoint.url, '/prod');
});
afterAll(() => Promise.all([proxy.close(), endpoint.close()]));

const base = { region: 'us-east-1', service: 'execute-api', credentials: TEST_CREDENTIALS };

describe.each(CLIENT_NAMES)('%s', (client) => {
  test('signed for the origin, sent to the proxy: verified', async () => {
    const call = CLIENTS[client]({ ...base, signingOrigin: `${endpoint.url}/prod` });
    const answer = await call(`${proxy.url}/orders/7?expand=items`, {
      method: 'POST',
      body: '{"qty":2}',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      message: 'verified',
      path: '/prod/orders/7',
      rawQuery: 'expand=items',
    });
  });
});

test('signed for the proxy host: the diagnosis names the Host rewrite and signingOrigin', async () => {
  const { createSignedFetch } = await import('aws-sigv4-interceptor');
  const response = await createSignedFetch(base)(`${proxy.url}/orders`);
  expect(response.status).toBe(403);
  const diagnosis = await diagnose(response);
  expect(diagnosis?.kind).toBe('signature-mismatch');
  const parts = diagnosis?.differences?.map((d) => `${d.part}:${d.name ?? ''}`);
  expect(parts).toEqual(expect.arrayContaining(['header:host', 'path:']));
  expect(diagnosis?.cause).toMatch(/Host header was rewritten/);
  expect(diagnosis?.fix).toMatch(/signingOrigin/);
  expect(await response.json()).toHaveProperty('message'); // still readable
});
