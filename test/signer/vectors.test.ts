import { createSigner } from 'aws-sigv4-interceptor';
import { aws4Authorization } from '../support/aws4Oracle';
import {
  loadVectors,
  VECTOR_CREDENTIALS,
  VECTOR_DATE,
  vectorSessionToken,
  type Vector,
} from '../support/vectors';

/**
 * The AWS SigV4 test suite through our signer. Each vector's request is signed at the suite's
 * date and the Authorization must equal the suite's. Two vectors write their path raw (`/ሴ`,
 * `/example space/`): no client can send that; on the wire it is percent-encoded once and
 * then, like every non-S3 service, encoded again for the canonical request. For those the
 * expected value comes from the independent `aws4` package over the wire form.
 */
const vectors = loadVectors();
const sendsRawPath = (v: Vector) => /[^\x21-\x7e]/.test(v.target.split('?')[0]);
const credentialsFor = (v: Vector) =>
  v.name === 'post-sts-header-before'
    ? { ...VECTOR_CREDENTIALS, sessionToken: vectorSessionToken() }
    : VECTOR_CREDENTIALS;

function headersOf(v: Vector): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const [name, values] of v.headers) {
    if (/^x-amz-(date|security-token)$/i.test(name)) continue; // the signer produces these
    headers[name] = [...(headers[name] ?? []), ...values];
  }
  return headers;
}

async function signVector(v: Vector) {
  const signer = createSigner({
    region: 'us-east-1',
    service: 'service',
    credentials: credentialsFor(v),
  });
  return signer.sign({
    method: v.method,
    url: `https://example.amazonaws.com${v.target}`,
    headers: headersOf(v),
    body: v.body || undefined,
  });
}

beforeEach(() => jest.useFakeTimers({ now: VECTOR_DATE }));
afterEach(() => jest.useRealTimers());

test('the suite is all there', () => {
  expect(vectors.length).toBeGreaterThanOrEqual(31);
});

describe.each(vectors.filter((v) => !sendsRawPath(v)).map((v) => [v.name, v] as const))(
  'vector %s',
  (_name, vector) => {
    test('Authorization equals the suite', async () => {
      const headers = await signVector(vector);
      expect(headers.authorization).toBe(vector.authz);
      expect(headers['x-amz-date']).toBe('20150830T123600Z');
    });
  },
);

describe.each(vectors.filter(sendsRawPath).map((v) => [v.name, v] as const))(
  'vector %s (raw path, signed as sent on the wire)',
  (_name, vector) => {
    test('Authorization equals aws4 over the wire form, and differs from the raw form', async () => {
      const headers = await signVector(vector);
      const wire = new URL(`https://example.amazonaws.com${vector.target}`);
      expect(wire.pathname).not.toBe(vector.target); // the client really encodes it
      const oracle = aws4Authorization({
        method: vector.method,
        url: wire.href,
        headers: { Host: 'example.amazonaws.com', 'X-Amz-Date': '20150830T123600Z' },
        service: 'service',
        region: 'us-east-1',
        credentials: VECTOR_CREDENTIALS,
      });
      expect(headers.authorization).toBe(oracle);
      expect(headers.authorization).not.toBe(vector.authz);
    });
  },
);
