/**
 * examples/private-api-vpce: both handlers against a local private API standing in for the VPC
 * endpoint. Like API Gateway behind a VPC endpoint without private DNS, it serves the request only
 * when it names the API, by `x-apigw-api-id` or by the API's host as Host; the signature must
 * cover that header.
 */
import { TEST_CREDENTIALS, type VerifiedEcho } from 'aws-sigv4-interceptor/testing';
import { coldStart, lambdaEnvironment, localEndpointBeforeEach, REGION } from './support';

type Example = typeof import('../../examples/private-api-vpce/handler');

lambdaEnvironment();

const API_ID = 'a1b2c3d4e5';
const API_HOST = `${API_ID}.execute-api.${REGION}.amazonaws.com`;
const ITEMS = [{ id: 1, name: 'Dune' }];

/** Which API a request names, as API Gateway reads it at a VPC endpoint. */
const apiNamedBy = (echo: VerifiedEcho): string | undefined =>
  echo.headers['x-apigw-api-id'] ?? /^([a-z0-9]+)\.execute-api\./.exec(echo.headers.host)?.[1];

const api = localEndpointBeforeEach({
  routes: ['GET /prod/items'],
  integration: (echo) =>
    apiNamedBy(echo) === API_ID
      ? { status: 200, body: { items: ITEMS, signedHeaders: echo.signedHeaders } }
      : { status: 403, body: { message: 'Forbidden' } },
});

const start = () =>
  coldStart<Example>('private-api-vpce', {
    VPC_ENDPOINT_URL: api.url,
    API_ID,
    STAGE: 'prod',
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: 'execute-api',
  });

/** The headers of the one request received, lower-cased. */
const received = (): Record<string, string> => {
  const raw = api.requests[0].raw.rawHeaders;
  return Object.fromEntries(raw.flatMap((v, i) => (i % 2 ? [] : [[v.toLowerCase(), raw[i + 1]]])));
};

test('fetch: sent to the VPC endpoint with x-apigw-api-id, signed and verified', async () => {
  const { handler } = await start();

  await expect(handler()).resolves.toEqual({
    items: ITEMS,
    signedHeaders: expect.arrayContaining(['host', 'x-apigw-api-id']),
  });
  expect(api.requests[0].result).toMatchObject({
    ok: true,
    accessKeyId: TEST_CREDENTIALS.accessKeyId,
  });
  expect(received()).toMatchObject({ host: new URL(api.url).host, 'x-apigw-api-id': API_ID });
});

test("axios: sent to the VPC endpoint with the API's host as Host, signed and verified", async () => {
  const { axiosHandler } = await start();

  await expect(axiosHandler()).resolves.toEqual({
    items: ITEMS,
    signedHeaders: expect.arrayContaining(['host']),
  });
  expect(api.requests[0].result).toMatchObject({ ok: true });
  expect(api.requests[0].result.ok && api.requests[0].result.canonicalRequest).toContain(
    `\nhost:${API_HOST}\n`,
  );
  expect(received().host).toBe(API_HOST);
});

test('a missing API_ID fails the cold start with a message naming the variables', async () => {
  await expect(
    coldStart('private-api-vpce', { VPC_ENDPOINT_URL: api.url, STAGE: 'prod' }),
  ).rejects.toThrow(/Set VPC_ENDPOINT_URL .*, API_ID and STAGE/);
});
