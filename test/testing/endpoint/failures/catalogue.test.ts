import aws4 from 'aws4';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';
import type { ToSign } from '../support/sign';
import { amzDate, expectApiGatewayError, request, signAt } from './support';

/**
 * The messages a client-side `diagnose` parses, in API Gateway's exact format: the scope messages
 * (trailing space included) and the signature mismatch carrying the server's canonical request and
 * string to sign, which must equal what an independent signer (aws4) computed for the same bytes.
 */

const NOW = new Date('2024-05-01T12:00:00Z');
const MISMATCH =
  /^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\.\n\nThe Canonical String for this request should have been\n'([\s\S]*)'\n\nThe String-to-Sign should have been\n'([\s\S]*)'\n$/;

describe('the messages diagnose parses', () => {
  let endpoint: LocalIamEndpoint;

  beforeAll(async () => {
    endpoint = await startLocalIamEndpoint({ now: () => NOW, region: 'eu-central-1' });
  });

  afterAll(async () => {
    await endpoint?.close();
  });

  it.each(['us-east-1', 'eu-west-1', 'execute-api', 'x'])(
    'a scope naming region %p',
    async (region) => {
      const sent = signAt(endpoint.port, NOW, { path: '/prod/items', region });
      const message = `Credential should be scoped to a valid region, not '${region}'. `;
      expectApiGatewayError(
        await request(endpoint.port, sent),
        403,
        'InvalidSignatureException',
        message,
        sent,
      );
    },
  );

  it.each(['lambda', 'execute_api', 's3'])('a scope naming service %p', async (service) => {
    const sent = signAt(endpoint.port, NOW, {
      path: '/prod/items',
      region: 'eu-central-1',
      service,
    });
    const message = "Credential should be scoped to correct service: 'execute-api'. ";
    expectApiGatewayError(
      await request(endpoint.port, sent),
      403,
      'InvalidSignatureException',
      message,
      sent,
    );
  });

  it.each<[string, ToSign]>([
    ['a GET with a query', { method: 'GET', path: '/prod/items?b=2&a=1' }],
    [
      'a POST with a JSON body',
      {
        method: 'POST',
        path: '/prod/orders',
        body: '{"n":1}',
        headers: { 'Content-Type': 'application/json' },
      },
    ],
  ])(
    "a wrong secret on %s: the parsed canonical request and string to sign equal aws4's",
    async (_case, toSign) => {
      const wrong = {
        ...TEST_CREDENTIALS,
        secretAccessKey: 'another/Secret+0000000000000000000000000',
      };
      const sent = signAt(endpoint.port, NOW, { ...toSign, region: 'eu-central-1' }, wrong);
      const reply = await request(endpoint.port, sent);
      expect(reply.status).toBe(403);
      expect(reply.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
      const match = MISMATCH.exec((reply.json as { message: string }).message);
      expect(match).not.toBeNull();
      const [, canonicalRequest, stringToSign] = match ?? [];
      // The same request through aws4 again (same date, same headers), stopping before the HMAC.
      const oracle = new aws4.RequestSigner(
        {
          host: `127.0.0.1:${endpoint.port}`,
          method: toSign.method,
          path: sent.path,
          headers: { ...toSign.headers, 'X-Amz-Date': amzDate(NOW) },
          body: sent.body,
          service: 'execute-api',
          region: 'eu-central-1',
        },
        wrong,
      );
      oracle.prepareRequest();
      expect(canonicalRequest).toBe(oracle.canonicalString());
      expect(stringToSign).toBe(oracle.stringToSign());
      expect(reply.text).not.toContain(wrong.secretAccessKey);
    },
  );
});
