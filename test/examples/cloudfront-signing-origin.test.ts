/**
 * examples/cloudfront-signing-origin: the handler calls a CloudFront-like proxy (Host replaced by
 * the origin's, origin path prepended) in front of a local IAM-verifying origin.
 */
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';
import { startCloudFrontLikeProxy, type CloudFrontLikeProxy } from '../support/cloudfrontProxy';
import {
  captureConsoleErrors,
  coldStart,
  guardConnections,
  lambdaEnvironment,
  REGION,
} from './support';

type Example = typeof import('../../examples/cloudfront-signing-origin/handler');

lambdaEnvironment();
guardConnections();
const consoleErrors = captureConsoleErrors();

let origin: LocalIamEndpoint;
let cloudfront: CloudFrontLikeProxy;
beforeEach(async () => {
  origin = await startLocalIamEndpoint({
    region: REGION,
    routes: ['GET /prod/orders/{id}'],
    integration: (echo) => ({ status: 200, body: { path: echo.path, host: echo.headers.host } }),
  });
  cloudfront = await startCloudFrontLikeProxy(origin.url, '/prod');
});
afterEach(() => Promise.all([cloudfront.close(), origin.close()]));

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
  const logged = consoleErrors.lines.join('\n');
  expect(logged).toMatch(/^signature-mismatch \(HTTP 403\)/);
  expect(logged).toMatch(/- signed: \/orders\/7\n {2}\+ server: \/prod\/orders\/7/);
});
