/**
 * examples/function-url-fetch: the handler POSTs its event as JSON to a local endpoint that
 * checks SigV4 for service `lambda`, as a Function URL with auth type AWS_IAM does.
 */
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { coldStart, lambdaEnvironment, localEndpointBeforeEach, REGION } from './support';

type Example = typeof import('../../examples/function-url-fetch/handler');

const { consoleErrors } = lambdaEnvironment();

const functionUrl = localEndpointBeforeEach({
  service: 'lambda',
  // The target function answers 201 with what it received.
  integration: (echo) => ({
    status: 201,
    body: {
      received: JSON.parse(Buffer.from(echo.bodyBase64, 'base64').toString('utf8')),
      path: echo.path,
      contentType: echo.headers['content-type'],
      signedHeaders: echo.signedHeaders,
    },
  }),
});

const start = (service: string) =>
  coldStart<Example>('function-url-fetch', {
    FUNCTION_URL: `${functionUrl.url}/`,
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: service,
  });

test('POSTs the event as signed JSON; the function URL verifies it, twice in one environment', async () => {
  const { handler } = await start('lambda');

  const first = await handler({ orderId: 'o-1', quantity: 2 });
  const second = await handler({ orderId: 'o-2 café', quantity: 1 });

  expect(first).toEqual({
    received: { orderId: 'o-1', quantity: 2 },
    path: '/orders',
    contentType: 'application/json',
    signedHeaders: expect.arrayContaining(['content-type', 'host', 'x-amz-date']),
  });
  expect(second).toMatchObject({ received: { orderId: 'o-2 café', quantity: 1 } });
  expect(functionUrl.requests.map(({ result }) => result.ok && result.accessKeyId)).toEqual([
    TEST_CREDENTIALS.accessKeyId,
    TEST_CREDENTIALS.accessKeyId,
  ]);
});

test('signed for the wrong service: the handler throws and logs the service to use', async () => {
  const { handler } = await start('execute-api');

  await expect(handler({ orderId: 'o-3', quantity: 1 })).rejects.toThrow(
    /POST orders failed: HTTP 403/,
  );
  expect(consoleErrors()).toMatch(/^wrong-scope \(HTTP 403\)/);
  expect(consoleErrors()).toContain('Expected service: lambda');
});
