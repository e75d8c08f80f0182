import { createHash } from 'node:crypto';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
  type VerifiedEcho,
} from 'aws-sigv4-interceptor/testing';
import { amzDate, presignWithAws4, presignWithSmithy, type ToPresign } from './support/presign';
import { send, type Outgoing, type SentResponse } from './support/send';

/**
 * Query-string auth (presigned URLs) against the endpoint, signed by `aws4` (`signQuery`) and by
 * @smithy/signature-v4's `presign`: what they produce verifies, with the payload hash each service
 * uses, and every tampered, expired or malformed URL gets its 403.
 */

const SIGNED_AT = new Date('2024-05-01T12:00:00Z');
const AMZ = amzDate(SIGNED_AT);
const WRONG_SECRET = 'wrongSecretAccessKey/ForPresignTests+00001';
const sha256 = (data: string): string => createHash('sha256').update(data).digest('hex');
const seconds = (n: number): Date => new Date(SIGNED_AT.getTime() + n * 1000);

let now = SIGNED_AT;

const MISMATCH = 'The request signature we calculated does not match';

/**
 * A 403 with no secret key and no signature in it. The session token only appears where AWS shows
 * it too: inside the canonical string of a signature mismatch (the X-Amz-Security-Token
 * parameter is signed), which the client's diagnosis masks.
 */
function expectForbidden(response: SentResponse, errorType: string, message?: string): void {
  expect(response.status).toBe(403);
  expect(response.headers['x-amzn-errortype']).toBe(errorType);
  if (message !== undefined) expect(response.json).toEqual({ message });
  const everything = response.text + JSON.stringify(response.headers);
  const secrets = [TEST_CREDENTIALS.secretAccessKey, WRONG_SECRET];
  if (!String(response.json.message).startsWith(MISMATCH)) {
    secrets.push(TEST_CREDENTIALS.sessionToken);
  }
  for (const secret of secrets) {
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(encodeURIComponent(secret));
  }
  expect(everything).not.toMatch(/X-Amz-Signature=/);
}

function echoOf(response: SentResponse): VerifiedEcho {
  expect(response.status).toBe(200);
  return response.json as unknown as VerifiedEcho;
}

const lines = (echo: VerifiedEcho): string[] => echo.canonicalRequest.split('\n');
const withPath = (request: Required<Outgoing>, edit: (path: string) => string): Outgoing => ({
  ...request,
  path: edit(request.path),
});

/**
 * A local endpoint for one describe block whose clock reads `now`, reset to SIGNED_AT before
 * each test: tests move `now` to sign in the past or let a URL expire.
 */
function useClockedEndpoint(
  options: LocalIamEndpointOptions = {},
): Pick<LocalIamEndpoint, 'port' | 'requests'> {
  let started: LocalIamEndpoint | undefined;
  beforeAll(async () => {
    started = await startLocalIamEndpoint({ ...options, now: () => now });
  });
  beforeEach(() => {
    now = SIGNED_AT;
  });
  afterAll(async () => {
    await started?.close();
  });
  return {
    get port() {
      return started!.port;
    },
    get requests() {
      return started!.requests;
    },
  };
}

describe('presigned URLs signed by aws4 (signQuery)', () => {
  const endpoint = useClockedEndpoint();
  const presign = (request: ToPresign, credentials = TEST_CREDENTIALS): Required<Outgoing> =>
    presignWithAws4(
      endpoint.port,
      { ...request, query: { 'X-Amz-Date': AMZ, ...request.query } },
      credentials,
    );
  const sendIt = (request: Outgoing): Promise<SentResponse> => send(endpoint.port, request);

  it('verifies a presigned GET: every X-Amz-* parameter but X-Amz-Signature is signed', async () => {
    const echo = echoOf(await sendIt(presign({ path: '/prod/items', query: { limit: '2' } })));
    expect(echo.signedHeaders).toEqual(['host']);
    expect(echo.headers['x-amz-security-token']).toBeUndefined();
    expect(echo.headers.authorization).toBeUndefined();
    const query = lines(echo)[2];
    expect(query.split('&').map((pair) => pair.split('=')[0])).toEqual([
      'X-Amz-Algorithm',
      'X-Amz-Credential',
      'X-Amz-Date',
      'X-Amz-Security-Token',
      'X-Amz-SignedHeaders',
      'limit',
    ]);
    expect(query).toContain(
      `X-Amz-Credential=${TEST_CREDENTIALS.accessKeyId}%2F20240501%2Fus-east-1%2Fexecute-api%2Faws4_request`,
    );
    expect(echo.rawQuery).toContain('X-Amz-Signature=');
    expect(lines(echo).pop()).toBe(sha256(''));
    expect(echo.stringToSign.split('\n').slice(0, 3)).toEqual([
      'AWS4-HMAC-SHA256',
      AMZ,
      '20240501/us-east-1/execute-api/aws4_request',
    ]);
  });

  it('verifies a presigned POST: API Gateway hashes the body it receives', async () => {
    const body = '{"amount":10}';
    const echo = echoOf(await sendIt(presign({ method: 'POST', path: '/prod/pay', body })));
    expect(lines(echo).pop()).toBe(sha256(body));
  });

  it('refuses a presigned POST whose body changed, showing the hash of the body received', async () => {
    const signed = presign({ method: 'POST', path: '/prod/pay', body: '{"amount":10}' });
    const response = await sendIt({ ...signed, body: '{"amount":99}' });
    expectForbidden(response, 'InvalidSignatureException');
    expect(String(response.json.message)).toContain(`\n${sha256('{"amount":99}')}'`);
  });

  it.each([
    [60, 60, true],
    [60, 61, false],
    [90, 91, false],
    [604800, 604800, true],
    [0, 0, true],
    [0, 1, false],
  ])('X-Amz-Expires=%d used %d s after X-Amz-Date: accepted=%s', async (expires, after, ok) => {
    const signed = presign({ path: '/prod/items', query: { 'X-Amz-Expires': String(expires) } });
    now = seconds(after);
    const response = await sendIt(signed);
    if (ok) {
      expect(response.status).toBe(200);
      return;
    }
    const validity = expires % 60 === 0 ? `${expires / 60} min` : `${expires} sec`;
    const limit = amzDate(seconds(after - expires));
    expectForbidden(
      response,
      'InvalidSignatureException',
      `Signature expired: ${AMZ} is now earlier than ${limit} (${amzDate(now)} - ${validity}.)`,
    );
  });

  it('without X-Amz-Expires (aws4 adds none for execute-api) allows the 5-minute skew', async () => {
    const signed = presign({ path: '/prod/items' });
    expect(signed.path).not.toContain('X-Amz-Expires');
    now = seconds(300);
    expect((await sendIt(signed)).status).toBe(200);
    now = seconds(301);
    expectForbidden(
      await sendIt(signed),
      'InvalidSignatureException',
      `Signature expired: ${AMZ} is now earlier than ${amzDate(seconds(1))} (${amzDate(now)} - 5 min.)`,
    );
  });

  it('refuses a presigned URL dated more than 5 minutes ahead of the server', async () => {
    const signed = presign({ path: '/prod/items', query: { 'X-Amz-Expires': '3600' } });
    now = seconds(-301);
    expectForbidden(
      await sendIt(signed),
      'InvalidSignatureException',
      `Signature not yet current: ${AMZ} is still later than ${amzDate(seconds(-1))} (${amzDate(now)} + 5 min.)`,
    );
  });

  it.each([
    ['abc', 'X-Amz-Expires should be a number'],
    ['', 'X-Amz-Expires should be a number'],
    ['1.5', 'X-Amz-Expires should be a number'],
    ['-1', 'X-Amz-Expires must be non-negative'],
    [
      '604801',
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    ],
  ])('refuses X-Amz-Expires=%j', async (expires, message) => {
    const signed = presign({ path: '/prod/items', query: { 'X-Amz-Expires': expires } });
    expectForbidden(await sendIt(signed), 'IncompleteSignatureException', message);
  });

  const mismatches: Array<[string, (path: string) => string]> = [
    ['a query value', (path) => path.replace('limit=2', 'limit=3')],
    ['the path', (path) => path.replace('/prod/items', '/prod/other')],
    ['X-Amz-Expires', (path) => path.replace('X-Amz-Expires=60', 'X-Amz-Expires=600')],
    ['X-Amz-SignedHeaders', (path) => path.replace('SignedHeaders=host', 'SignedHeaders=host%3Bx')],
    [
      'the signature',
      (path) =>
        path.replace(/X-Amz-Signature=(.)/, (_, c) => `X-Amz-Signature=${c === '0' ? 1 : 0}`),
    ],
  ];
  it.each(mismatches)('refuses a change to %s (signature mismatch)', async (_, edit) => {
    const signed = presign({
      path: '/prod/items',
      query: { limit: '2', 'X-Amz-Expires': '60' },
    });
    const response = await sendIt(withPath(signed, edit));
    expectForbidden(response, 'InvalidSignatureException');
    expect(String(response.json.message).startsWith(MISMATCH)).toBe(true);
  });

  it('refuses the wrong secret key and never shows a secret', async () => {
    const credentials = { ...TEST_CREDENTIALS, secretAccessKey: WRONG_SECRET };
    const response = await sendIt(presign({ path: '/prod/items' }, credentials));
    expectForbidden(response, 'InvalidSignatureException');
    expect(response.text).not.toContain(WRONG_SECRET);
  });

  const tokenCases: Array<[string, (path: string) => string]> = [
    ['removed', (path) => path.replace(/&?X-Amz-Security-Token=[^&]*/, '')],
    ['replaced', (path) => path.replace(/X-Amz-Security-Token=[^&]*/, 'X-Amz-Security-Token=x')],
  ];
  it.each(tokenCases)('session token %s: UnrecognizedClientException', async (_, edit) => {
    const response = await sendIt(withPath(presign({ path: '/prod/items' }), edit));
    expectForbidden(
      response,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  });

  it('reads the session token from the query only, not from a header', async () => {
    const signed = presign({ path: '/prod/items' });
    const stripped = withPath(signed, (path) => path.replace(/&?X-Amz-Security-Token=[^&]*/, ''));
    const headers = { ...signed.headers, 'X-Amz-Security-Token': TEST_CREDENTIALS.sessionToken };
    expectForbidden(await sendIt({ ...stripped, headers }), 'UnrecognizedClientException');
  });

  it('refuses a presigned URL scoped to another region', async () => {
    const response = await sendIt(presign({ path: '/prod/items', region: 'eu-west-1' }));
    expectForbidden(
      response,
      'InvalidSignatureException',
      "Credential should be scoped to a valid region, not 'eu-west-1'. ",
    );
  });

  it('refuses a URL without X-Amz-Signature, listing the required parameters', async () => {
    const signed = presign({ path: '/prod/items' });
    const response = await sendIt(
      withPath(signed, (path) => path.replace(/&?X-Amz-Signature=[0-9a-f]+/, '')),
    );
    expectForbidden(
      response,
      'IncompleteSignatureException',
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, and X-Amz-SignedHeaders parameters.',
    );
  });

  it('refuses an unknown X-Amz-Algorithm', async () => {
    const signed = presign({ path: '/prod/items' });
    const response = await sendIt(
      withPath(signed, (path) => path.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA1')),
    );
    expectForbidden(
      response,
      'IncompleteSignatureException',
      'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256" and "AWS4-ECDSA-P256-SHA256"',
    );
  });

  it('refuses a request with both a presigned query and an Authorization header', async () => {
    const signed = presign({ path: '/prod/items' });
    const headers = { ...signed.headers, Authorization: 'AWS4-HMAC-SHA256 Credential=x' };
    expectForbidden(
      await sendIt({ ...signed, headers }),
      'IncompleteSignatureException',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    );
  });

  it('records a presigned request with its verdict', async () => {
    const start = endpoint.requests.length;
    await sendIt(presign({ path: '/prod/recorded' }));
    const [recorded] = endpoint.requests.slice(start);
    expect(recorded.raw.rawUrl).toMatch(/^\/prod\/recorded\?.*X-Amz-Signature=/);
    expect(recorded.result.ok).toBe(true);
  });
});

describe('presigned URLs signed by @smithy/signature-v4 presign', () => {
  const endpoint = useClockedEndpoint();
  const presign = (request: ToPresign, expiresIn = 300): Promise<Required<Outgoing>> =>
    presignWithSmithy(endpoint.port, request, { signingDate: SIGNED_AT, expiresIn });
  const sendIt = (request: Outgoing): Promise<SentResponse> => send(endpoint.port, request);

  it('verifies a presigned GET with repeated and reserved query values', async () => {
    const query = { tag: ['b', 'a'], q: 'a+b c/d', empty: '' };
    const echo = echoOf(await sendIt(await presign({ path: '/prod/search', query })));
    const canonicalQuery = lines(echo)[2];
    expect(canonicalQuery).toContain('X-Amz-Expires=300&');
    expect(canonicalQuery).toContain('q=a%2Bb%20c%2Fd&tag=a&tag=b');
    expect(echo.query).toEqual(expect.arrayContaining([['q', 'a+b c/d']]));
    expect(lines(echo).pop()).toBe(sha256(''));
  });

  it('honours expiresIn, and refuses the URL one second later', async () => {
    const signed = await presign({ path: '/prod/items' }, 900);
    now = seconds(900);
    expect((await sendIt(signed)).status).toBe(200);
    now = seconds(901);
    expectForbidden(
      await sendIt(signed),
      'InvalidSignatureException',
      `Signature expired: ${AMZ} is now earlier than ${amzDate(seconds(1))} (${amzDate(now)} - 15 min.)`,
    );
  });

  it('signs a custom header it does not hoist: it must then be sent', async () => {
    const signed = await presign({ path: '/prod/items', headers: { 'x-tenant': 'acme' } });
    expect(echoOf(await sendIt(signed)).signedHeaders).toEqual(['host', 'x-tenant']);
    const headers = { ...signed.headers, 'x-tenant': 'evil' };
    expectForbidden(await sendIt({ ...signed, headers }), 'InvalidSignatureException');
  });

  it('hoists x-amz-* headers into the query, where they are signed', async () => {
    const signed = await presign({ path: '/prod/items', headers: { 'x-amz-meta-a': '1' } });
    expect(signed.path).toContain('x-amz-meta-a=1');
    expect(echoOf(await sendIt(signed)).signedHeaders).toEqual(['host']);
    const tampered = withPath(signed, (path) => path.replace('x-amz-meta-a=1', 'x-amz-meta-a=2'));
    expectForbidden(await sendIt(tampered), 'InvalidSignatureException');
  });
});

describe('S3 presigned URLs: UNSIGNED-PAYLOAD and a required X-Amz-Expires', () => {
  const s3 = useClockedEndpoint({ service: 's3', uriEscapePath: false });
  const sendIt = (request: Outgoing): Promise<SentResponse> => send(s3.port, request);

  it('aws4: a presigned PUT signs UNSIGNED-PAYLOAD, whatever the body', async () => {
    const signed = presignWithAws4(s3.port, {
      method: 'PUT',
      path: '/bucket/my%20key.txt',
      query: { 'X-Amz-Date': AMZ },
      service: 's3',
      body: 'any bytes at all',
    });
    expect(signed.path).toContain('X-Amz-Expires=86400');
    const echo = echoOf(await sendIt(signed));
    expect(lines(echo)[1]).toBe('/bucket/my%20key.txt');
    expect(lines(echo).pop()).toBe('UNSIGNED-PAYLOAD');
  });

  it('smithy: the UNSIGNED-PAYLOAD header the S3 presigner sets is hoisted and signed', async () => {
    const signed = await presignWithSmithy(
      s3.port,
      {
        method: 'PUT',
        path: '/bucket/key.txt',
        service: 's3',
        headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
        body: 'uploaded',
      },
      { signingDate: SIGNED_AT, expiresIn: 3600 },
    );
    expect(signed.path).toContain('x-amz-content-sha256=UNSIGNED-PAYLOAD');
    expect(lines(echoOf(await sendIt(signed))).pop()).toBe('UNSIGNED-PAYLOAD');
  });

  it('requires X-Amz-Expires', async () => {
    const signed = presignWithAws4(s3.port, {
      path: '/bucket/key.txt',
      query: { 'X-Amz-Date': AMZ },
      service: 's3',
    });
    const response = await sendIt(
      withPath(signed, (path) => path.replace(/&?X-Amz-Expires=\d+/, '')),
    );
    expectForbidden(
      response,
      'IncompleteSignatureException',
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  });
});
