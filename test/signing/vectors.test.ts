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
 * date and every stage must equal the suite's: canonical request, string to sign (both read from
 * the signer's `debug` log) and Authorization. Two vectors write their path raw (`/ሴ`,
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

/** What the signer's debug log reports for one signature. */
interface SignedRecord {
  canonicalRequest: string;
  stringToSign: string;
}

async function signVector(v: Vector) {
  const records: SignedRecord[] = [];
  const signer = createSigner({
    region: 'us-east-1',
    service: 'service',
    credentials: credentialsFor(v),
    debug: {
      debug: (message, details) => {
        if (message.endsWith(': signed')) records.push(details as unknown as SignedRecord);
      },
    },
  });
  const headers = await signer.sign({
    method: v.method,
    url: `https://example.amazonaws.com${v.target}`,
    headers: headersOf(v),
    body: v.body || undefined,
  });
  expect(records).toHaveLength(1);
  return { headers, ...records[0] };
}

/**
 * The debug log masks the session token; the string to sign, which hashes the real canonical
 * request, still proves that line equal.
 */
const maskedToken = (creq: string, logged: string) =>
  creq.replace(
    /^x-amz-security-token:.*$/m,
    /^x-amz-security-token:.*$/m.exec(logged)?.[0] ?? 'x-amz-security-token: (not logged)',
  );

beforeEach(() => jest.useFakeTimers({ now: VECTOR_DATE }));
afterEach(() => jest.useRealTimers());

test('the suite is all there', () => {
  expect(vectors.length).toBeGreaterThanOrEqual(31);
});

describe.each(vectors.filter((v) => !sendsRawPath(v)).map((v) => [v.name, v] as const))(
  'vector %s',
  (_name, vector) => {
    test('canonical request, string to sign and Authorization equal the suite', async () => {
      const { headers, canonicalRequest, stringToSign } = await signVector(vector);
      expect(canonicalRequest).toBe(maskedToken(vector.creq, canonicalRequest));
      expect(stringToSign).toBe(vector.sts);
      expect(headers.authorization).toBe(vector.authz);
      expect(headers['x-amz-date']).toBe('20150830T123600Z');
    });
  },
);

describe.each(vectors.filter(sendsRawPath).map((v) => [v.name, v] as const))(
  'vector %s (raw path, signed as sent on the wire)',
  (_name, vector) => {
    test('canonical request is the suite with the wire path; Authorization equals aws4 over the wire form', async () => {
      const { headers, canonicalRequest } = await signVector(vector);
      // Every line but the URI is the suite's; the URI is the wire path encoded once more.
      const wirePath = `/${new URL(`https://h${vector.target}`).pathname
        .slice(1)
        .split('/')
        .map(encodeURIComponent)
        .join('/')}`;
      const [, ...rest] = vector.creq.split('\n').slice(1);
      expect(canonicalRequest.split('\n')).toEqual([vector.method, wirePath, ...rest]);
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
