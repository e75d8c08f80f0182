/**
 * examples/sigv4a-multi-region: the handler signs with SigV4A (through @smithy/signature-v4a)
 * for a region set; a local S3-style endpoint in eu-west-1 derives the P-256 key from the
 * credentials and checks the ECDSA signature and that the signed region set covers its region.
 */
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { coldStart, lambdaEnvironment, localEndpointBeforeEach, REGION } from './support';

type Example = typeof import('../../examples/sigv4a-multi-region/handler');

const { consoleErrors } = lambdaEnvironment();

const REPORT = 'region,total\neu-west-1,42\n';

const bucket = localEndpointBeforeEach({
  service: 's3',
  uriEscapePath: false, // S3 signs the path as sent
  integration: (echo) =>
    echo.path === '/reports/2024%20Q1.csv'
      ? { status: 200, body: REPORT, headers: { 'content-type': 'text/csv' } }
      : { status: 404, body: 'NoSuchKey' },
});

const start = (regionSet?: string) =>
  coldStart<Example>('sigv4a-multi-region', {
    ACCESS_POINT_URL: bucket.url,
    ...(regionSet !== undefined && { REGION_SET: regionSet }),
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: 's3',
  });

/** The request's headers as received, lower-cased. */
const receivedHeaders = (index: number): Record<string, string> => {
  const raw = bucket.requests[index].raw.rawHeaders;
  return Object.fromEntries(raw.flatMap((v, i) => (i % 2 ? [] : [[v.toLowerCase(), raw[i + 1]]])));
};

test.each([
  ['every region (the default)', undefined, '*'],
  ['a narrower set that covers eu-west-1', 'eu-*, us-east-1', 'eu-*,us-east-1'],
])('%s: SigV4A, x-amz-region-set signed, verified', async (_name, regionSet, sent) => {
  const { handler } = await start(regionSet);

  await expect(handler({ key: 'reports/2024 Q1.csv' })).resolves.toEqual({
    key: 'reports/2024 Q1.csv',
    text: REPORT,
  });

  const [{ result }] = bucket.requests;
  expect(result).toMatchObject({ ok: true, accessKeyId: TEST_CREDENTIALS.accessKeyId });
  expect(result.ok && result.signedHeaders).toEqual(
    expect.arrayContaining(['host', 'x-amz-content-sha256', 'x-amz-region-set']),
  );
  const headers = receivedHeaders(0);
  expect(headers['x-amz-region-set']).toBe(sent);
  expect(headers.authorization).toMatch(
    /^AWS4-ECDSA-P256-SHA256 Credential=[^/]+\/\d{8}\/s3\/aws4_request, SignedHeaders=/,
  );
});

test('a region set without the region that answers: refused, and the handler says so', async () => {
  const { handler } = await start('us-east-1,us-west-2');

  await expect(handler({ key: 'reports/2024 Q1.csv' })).rejects.toThrow(
    'GET reports/2024 Q1.csv failed: HTTP 403',
  );
  expect(bucket.requests[0].result).toMatchObject({
    ok: false,
    errorType: 'InvalidSignatureException',
    message: expect.stringContaining("not 'us-east-1,us-west-2'"),
  });
  expect(receivedHeaders(0)['x-amz-region-set']).toBe('us-east-1,us-west-2');
  const logged = consoleErrors();
  expect(logged).toMatch(/^wrong-scope \(HTTP 403\)/);
  expect(logged).not.toContain(TEST_CREDENTIALS.secretAccessKey);
});

test('a missing ACCESS_POINT_URL fails the cold start with a message naming the variable', async () => {
  await expect(coldStart('sigv4a-multi-region', {})).rejects.toThrow(/Set ACCESS_POINT_URL/);
});
