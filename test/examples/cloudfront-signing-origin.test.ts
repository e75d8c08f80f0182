/**
 * examples/cloudfront-signing-origin: the handler calls a CloudFront-like proxy (Host replaced by
 * the origin's, origin path prepended) in front of a local IAM-verifying origin.
 */
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { startCloudFrontLikeProxy } from '../support/cloudfrontProxy';
import { startedBeforeEach } from '../support/startedServers';
import { coldStart, lambdaEnvironment, localEndpointBeforeEach, REGION } from './support';

type Example = typeof import('../../examples/cloudfront-signing-origin/handler');

const { consoleErrors } = lambdaEnvironment();

const origin = localEndpointBeforeEach({
  routes: ['GET /prod/orders/{id}'],
  integration: (echo) => ({ status: 200, body: { path: echo.path, host: echo.headers.host } }),
});
const cloudfront = startedBeforeEach(() => startCloudFrontLikeProxy(origin.url, '/prod'));

const start = (originUrl: string) =>
  coldStart<Example>('cloudfront-signing-origin', {
    API_URL: cloudfront.url,
    ORIGIN_URL: originUrl,
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: 'execute-api',
  });

test('sent to CloudFront, signed for the origin: the origin verifies /prod/orders/{id}', async () => {
  const { handler } = await start(`${origin.url}/prod`);

  await expect(handler({ orderId: 'A 7' })).resolves.toEqual({
    path: '/prod/orders/A%207',
    host: new URL(origin.url).host,
  });
  expect(origin.requests[0].result).toMatchObject({
    ok: true,
    accessKeyId: TEST_CREDENTIALS.accessKeyId,
  });
});

test('an ORIGIN_URL without the origin path: 403, and the logged diagnosis shows the path', async () => {
  const { handler } = await start(origin.url);

  await expect(handler({ orderId: '7' })).rejects.toThrow('GET order failed: HTTP 403');
  const logged = consoleErrors();
  expect(logged).toMatch(/^signature-mismatch \(HTTP 403\)/);
  expect(logged).toMatch(/- signed: \/orders\/7\n {2}\+ server: \/prod\/orders\/7/);
});
