import {
  TEST_CREDENTIALS,
  verifyRequest,
  type RawRequest,
  type VerifyOptions,
  type VerifyResult,
} from 'aws-sigv4-interceptor/testing';
import { S3_CANONICAL_PATHS } from '../../support/s3CanonicalPaths';

/**
 * The canonicalization rules, read from the canonical request the server reports with a wrong
 * signature: one row per rule the client-side signer has to agree on.
 */

const NOW = new Date('2024-05-01T12:00:00Z');
const ZERO_SIGNATURE = '0'.repeat(64);
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function authorization(signedHeaders = 'host;x-amz-date;x-amz-security-token'): string {
  const scope = `${TEST_CREDENTIALS.accessKeyId}/20240501/us-east-1/execute-api/aws4_request`;
  return `AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=${signedHeaders}, Signature=${ZERO_SIGNATURE}`;
}

function request(rawUrl: string, extraHeaders: string[] = [], body = ''): RawRequest {
  return {
    method: 'GET',
    rawUrl,
    rawHeaders: [
      'Host',
      'api.example.com',
      'X-Amz-Date',
      '20240501T120000Z',
      'X-Amz-Security-Token',
      TEST_CREDENTIALS.sessionToken,
      'Authorization',
      authorization(),
      ...extraHeaders,
    ],
    body: new TextEncoder().encode(body),
  };
}

function verify(raw: RawRequest, options: VerifyOptions = {}): VerifyResult {
  return verifyRequest(raw, { now: () => NOW, ...options });
}

/** The canonical request line (0 method, 1 path, 2 query, ..., last payload hash) of a mismatch. */
function canonicalLine(raw: RawRequest, line: number, options: VerifyOptions = {}): string {
  const result = verify(raw, options);
  expect(result).toMatchObject({ ok: false, errorType: 'InvalidSignatureException' });
  const lines = result.canonicalRequest?.split('\n') ?? [];
  return lines[line < 0 ? lines.length + line : line];
}

describe('canonical URI', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/a%20b', '/a%2520b'],
    ['/caf%C3%A9', '/caf%25C3%25A9'],
    ['/a/./b/../c/', '/a/c/'],
    ['//a//b//', '/a/b/'],
    ['/a/..', '/'],
    ['/../..', '/'],
    ['/%2E%2E/x', '/%252E%252E/x'],
    ["/a:b@c!$'()*,;=", '/a%3Ab%40c%21%24%27%28%29%2A%2C%3B%3D'],
    ['/-_.~AZaz09', '/-_.~AZaz09'],
    ['/a+b', '/a%2Bb'],
    ['/é', '/%C3%A9'],
  ])('%j is signed as %j', (rawUrl, expected) => {
    expect(canonicalLine(request(rawUrl), 1)).toBe(expected);
  });

  // S3 reads the key (each segment decoded) and encodes it once: raw sub-delimiters and `+` are
  // escaped, escapes upper-cased, escaped unreserved characters written plainly; no normalizing.
  it.each([['/a%20b//c/./d', '/a%20b//c/./d'], ['', '/'], ...S3_CANONICAL_PATHS] as Array<
    [string, string]
  >)('with uriEscapePath: false (S3), %j is signed as %j', (rawUrl, expected) => {
    expect(canonicalLine(request(rawUrl), 1, { uriEscapePath: false })).toBe(expected);
  });
});

describe('canonical query', () => {
  it.each([
    ['/', ''],
    ['/?', ''],
    ['/?q=a+b', 'q=a%2Bb'],
    ['/?q=a%20b', 'q=a%20b'],
    ['/?q=a%2bb', 'q=a%2Bb'],
    ['/?q=%7E~', 'q=~~'],
    ['/?k', 'k='],
    ['/?k=', 'k='],
    ['/?&&x=1&', 'x=1'],
    ['/?a==b', 'a=%3Db'],
    ['/?bad=%zz&pct=%', 'bad=%25zz&pct=%25'],
    ['/?raw=%FF', 'raw=%FF'],
    ['/?q=%e1%88%b4', 'q=%E1%88%B4'],
    ['/?b=2&a=2&a=1&A=3&a=10', 'A=3&a=1&a=10&a=2&b=2'],
    // Sorted after encoding: '%' (0x25) < 'z'. Sorting decoded keys ('é' > 'z') is the old bug.
    ['/?z=1&%C3%A9=1', '%C3%A9=1&z=1'],
    ['/?a%5B%5D=1&a[]=2', 'a%5B%5D=1&a%5B%5D=2'],
  ])('%j is signed as %j', (rawUrl, expected) => {
    expect(canonicalLine(request(rawUrl), 2)).toBe(expected);
  });
});

describe('canonical headers', () => {
  it('trims values, collapses inner whitespace and joins repeated fields with commas', () => {
    const raw = request('/', ['X-Multi', '  a   b  ', 'x-multi', 'c\t\td']);
    raw.rawHeaders[7] = authorization('host;x-amz-date;x-amz-security-token;x-multi');
    const result = verify(raw);
    expect(result.canonicalRequest).toContain('\nx-multi:a b,c d\n');
  });

  it('builds the list lower-case and sorted whatever order the client sent', () => {
    const raw = request('/');
    raw.rawHeaders[7] = authorization('X-Amz-Date;host;x-amz-security-token;host');
    const result = verify(raw);
    expect(result).toMatchObject({ ok: false, errorType: 'InvalidSignatureException' });
    expect(result.canonicalRequest?.split('\n').slice(3, 8)).toEqual([
      'host:api.example.com',
      'x-amz-date:20240501T120000Z',
      `x-amz-security-token:${TEST_CREDENTIALS.sessionToken}`,
      '',
      'host;x-amz-date;x-amz-security-token',
    ]);
  });

  it('signs a listed header that was not received with an empty value', () => {
    const raw = request('/');
    raw.rawHeaders[7] = authorization('host;x-absent;x-amz-date;x-amz-security-token');
    expect(verify(raw).canonicalRequest).toContain('\nx-absent:\n');
  });
});

describe('payload hash', () => {
  const unsignedPayload = ['X-Amz-Content-Sha256', 'UNSIGNED-PAYLOAD'];

  it('is the SHA-256 of the received body for execute-api, whatever x-amz-content-sha256 says', () => {
    expect(canonicalLine(request('/', unsignedPayload), -1)).toBe(EMPTY_SHA256);
  });

  it('is x-amz-content-sha256 for s3', () => {
    const raw = request('/', unsignedPayload, 'data');
    const options = { service: 's3', uriEscapePath: false };
    const s3Auth = authorization().replace('/execute-api/', '/s3/');
    raw.rawHeaders[7] = s3Auth;
    expect(canonicalLine(raw, -1, options)).toBe('UNSIGNED-PAYLOAD');
  });
});

describe('verifyRequest', () => {
  it('reports the canonical request and string to sign with failures past parsing', () => {
    const result = verify(request('/'), { region: 'eu-west-1' });
    expect(result).toMatchObject({ ok: false, errorType: 'InvalidSignatureException' });
    expect(result.canonicalRequest).toMatch(/^GET\n\/\n/);
    expect(result.stringToSign).toMatch(/^AWS4-HMAC-SHA256\n20240501T120000Z\n20240501\//);
  });

  it('states a custom skew in its messages', () => {
    const now = () => new Date('2024-05-01T12:02:00Z');
    expect(verify(request('/'), { maxSkewMs: 60_000, now })).toMatchObject({
      ok: false,
      message:
        'Signature expired: 20240501T120000Z is now earlier than 20240501T120100Z (20240501T120200Z - 1 min.)',
    });
  });

  it('rejects a session token sent for an identity that has none', () => {
    const { accessKeyId, secretAccessKey } = TEST_CREDENTIALS;
    const longTerm = { accessKeyId, secretAccessKey };
    const result = verify(request('/'), { credentials: [longTerm] });
    expect(result).toMatchObject({ ok: false, errorType: 'UnrecognizedClientException' });
  });

  it('rejects a repeated x-amz-security-token', () => {
    const raw = request('/', ['X-Amz-Security-Token', TEST_CREDENTIALS.sessionToken]);
    expect(verify(raw)).toMatchObject({ ok: false, errorType: 'UnrecognizedClientException' });
  });

  it('rejects an impossible calendar date', () => {
    const raw = request('/');
    raw.rawHeaders[3] = '20240231T120000Z';
    expect(verify(raw)).toMatchObject({
      ok: false,
      errorType: 'InvalidSignatureException',
      message: expect.stringMatching(
        /^Date must be in ISO-8601 'basic format'\. Got '20240231T120000Z'/,
      ),
    });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses maxSkewMs %p', (maxSkewMs) => {
    expect(() => verifyRequest(request('/'), { maxSkewMs })).toThrow(RangeError);
  });
});

describe('TEST_CREDENTIALS', () => {
  it('looks like Lambda session credentials and cannot be changed', () => {
    expect(TEST_CREDENTIALS.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(TEST_CREDENTIALS.secretAccessKey).toHaveLength(40);
    expect(TEST_CREDENTIALS.sessionToken.length).toBeGreaterThan(0);
    expect(Object.isFrozen(TEST_CREDENTIALS)).toBe(true);
  });
});
