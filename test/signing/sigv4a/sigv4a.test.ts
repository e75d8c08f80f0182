/**
 * SigV4A (`AWS4-ECDSA-P256-SHA256`) through @smithy/signature-v4a, chosen by `regionSet` and for
 * S3 Multi-Region Access Point hosts. The local endpoint derives the P-256 key from the test
 * credentials and checks the ECDSA signature with node:crypto: acceptance is proven, not assumed.
 */
import { createSigner } from 'aws-sigv4-interceptor';
import { startLocalIamEndpoint, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { CLIENT_NAMES, CLIENTS } from '../../support/clients';

const base = { service: 'execute-api', credentials: TEST_CREDENTIALS };

describe.each(CLIENT_NAMES)('%s', (client) => {
  test.each([[['*']], [['us-east-1', 'eu-west-1']]])(
    'region set %j: verified, with x-amz-region-set signed',
    async (regionSet) => {
      const endpoint = await startLocalIamEndpoint({ region: 'us-east-1' });
      try {
        const call = CLIENTS[client]({ ...base, region: 'us-east-1', regionSet });
        const answer = await call(`${endpoint.url}/prod/orders`, {
          method: 'POST',
          body: '{"n":1}',
        });
        expect(answer.status).toBe(200);
        const echo = answer.body as { headers: Record<string, string>; signedHeaders: string[] };
        expect(echo.headers['x-amz-region-set']).toBe(regionSet.join(','));
        expect(echo.headers.authorization).toMatch(
          /^AWS4-ECDSA-P256-SHA256 Credential=[^/]+\/\d{8}\/execute-api\/aws4_request,/,
        );
        expect(echo.signedHeaders).toContain('x-amz-region-set');
      } finally {
        await endpoint.close();
      }
    },
  );

  test('a region set that leaves out the endpoint region is refused', async () => {
    const endpoint = await startLocalIamEndpoint({ region: 'ap-south-1' });
    try {
      const call = CLIENTS[client]({ ...base, region: 'us-east-1', regionSet: ['us-east-1'] });
      expect((await call(`${endpoint.url}/prod/orders`)).status).toBe(403);
    } finally {
      await endpoint.close();
    }
  });
});

test('an S3 Multi-Region Access Point host is signed with SigV4A for every region', async () => {
  const signer = createSigner({ credentials: TEST_CREDENTIALS });
  const headers = await signer.sign({
    method: 'GET',
    url: 'https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/key.txt',
  });
  expect(headers.authorization).toMatch(
    /^AWS4-ECDSA-P256-SHA256 Credential=[^/]+\/\d{8}\/s3\/aws4_request,/,
  );
  expect(headers['x-amz-region-set']).toBe('*');
  expect(headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
});
