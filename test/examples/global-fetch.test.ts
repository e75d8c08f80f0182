/**
 * examples/global-fetch: the handler's ky call to the orders API goes out signed through the
 * installed global fetch and the local IAM endpoint verifies it; its webhook, on another origin,
 * arrives unsigned. Each cold start installs again (one signature all the same: see
 * test/fetch/install.test.ts), and the restore functions put the original fetch back.
 */
import {
  signingHeadersIn,
  startRecordingServer,
  TEST_CREDENTIALS,
} from 'aws-sigv4-interceptor/testing';
import { startedBeforeEach } from '../support/startedServers';
import { coldStart, lambdaEnvironment, localEndpointBeforeEach, REGION } from './support';

type Example = typeof import('../../examples/global-fetch/handler');

lambdaEnvironment();

const original = globalThis.fetch;
const started: Example[] = [];
afterEach(() => {
  for (const example of started.splice(0)) example.restoreFetch();
});
const ordersApi = localEndpointBeforeEach({
  routes: ['POST /prod/orders/{id}/ship'],
  integration: (echo) => ({ status: 200, body: { shipped: echo.path.split('/')[3] } }),
});
const webhook = startedBeforeEach(() => startRecordingServer());

const start = async () => {
  const example = await coldStart<Example>('global-fetch', {
    ORDERS_API_URL: `${ordersApi.url}/prod/`,
    WEBHOOK_URL: `${webhook.url}/hooks/orders`,
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: 'execute-api',
  });
  started.push(example);
  return example;
};

test('ky reaches the API signed; the webhook on another host gets its request unsigned', async () => {
  const { handler } = await start();

  await expect(handler({ orderId: 'o-1' })).resolves.toEqual({ shipped: 'o-1' });

  expect(ordersApi.requests).toHaveLength(1);
  expect(ordersApi.requests[0].result).toMatchObject({
    ok: true,
    accessKeyId: TEST_CREDENTIALS.accessKeyId,
  });
  expect(webhook.requests).toHaveLength(1);
  expect(signingHeadersIn(webhook.requests[0])).toEqual([]);
  expect(JSON.parse(Buffer.from(webhook.requests[0].body).toString('utf8'))).toEqual({
    shipped: 'o-1',
  });
});

test('two cold starts in one process: the second install replaces the first; both restored, the original fetch', async () => {
  await start();
  const installedFirst = globalThis.fetch;
  const { handler } = await start();
  expect(globalThis.fetch).not.toBe(installedFirst);

  await expect(handler({ orderId: 'o-2' })).resolves.toEqual({ shipped: 'o-2' });

  expect(ordersApi.requests.map(({ result }) => result.ok)).toEqual([true]);
  for (const example of started.splice(0)) example.restoreFetch(); // the first one first
  expect(globalThis.fetch).toBe(original);
});
