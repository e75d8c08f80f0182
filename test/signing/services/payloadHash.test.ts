import { createHash } from 'node:crypto';
import { createSignedFetch, createSigner } from 'aws-sigv4-interceptor';
import { startLocalIamEndpoint, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';

/**
 * `x-amz-content-sha256` only where the service needs it (DOMAIN.md §4), and S3's path rules:
 * signed as sent, not encoded a second time.
 */
const body = '{"query":"é"}';
const sha256 = createHash('sha256').update(body).digest('hex');
const sign = (service: string, url = 'https://h.example/a%20b') =>
  createSigner({ region: 'us-east-1', service, credentials: TEST_CREDENTIALS }).sign({
    method: 'POST',
    url,
    body,
  });

test.each([
  ['execute-api', undefined],
  ['lambda', undefined],
  ['appsync', undefined],
  ['es', undefined],
  ['s3', sha256],
  ['aoss', sha256],
  ['vpc-lattice-svcs', 'UNSIGNED-PAYLOAD'],
])('%s sends x-amz-content-sha256: %s', async (service, expected) => {
  const headers = await sign(service);
  expect(headers['x-amz-content-sha256']).toBe(expected);
  expect(headers.authorization.includes('x-amz-content-sha256')).toBe(expected !== undefined);
});

test('S3 through fetch: the path is signed as sent and the hash header is verified', async () => {
  const endpoint = await startLocalIamEndpoint({
    region: 'us-east-1',
    service: 's3',
    uriEscapePath: false,
  });
  try {
    const signedFetch = createSignedFetch({
      region: 'us-east-1',
      service: 's3',
      credentials: TEST_CREDENTIALS,
    });
    const response = await signedFetch(`${endpoint.url}/bucket/key%20with%20space/r%C3%A9`, {
      method: 'PUT',
      body,
    });
    const echo = await response.json();
    expect(response.status).toBe(200);
    expect(echo.canonicalRequest.split('\n')[1]).toBe('/bucket/key%20with%20space/r%C3%A9');
    expect(echo.headers['x-amz-content-sha256']).toBe(sha256);
  } finally {
    await endpoint.close();
  }
});
