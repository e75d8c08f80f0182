import { createHash } from 'node:crypto';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type VerifiedEcho,
} from 'aws-sigv4-interceptor/testing';
import { send, type SentResponse } from './support/send';
import { signWithAws4, type ToSign } from './support/sign';

/**
 * The endpoint against an independent signer: requests signed by the `aws4` package and sent with
 * node:http must verify, and the echo must describe the request as it arrived.
 */

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

function echoOf(response: SentResponse): VerifiedEcho {
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/json');
  expect(response.text).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  return response.json as unknown as VerifiedEcho;
}

const canonicalLine = (echo: VerifiedEcho, line: number): string =>
  echo.canonicalRequest.split('\n')[line];

describe('local IAM endpoint with requests signed by aws4', () => {
  let endpoint: LocalIamEndpoint;
  const signAndSend = (request: ToSign): Promise<SentResponse> =>
    send(endpoint.port, signWithAws4(endpoint.port, request));

  beforeAll(async () => {
    endpoint = await startLocalIamEndpoint();
  });

  afterAll(async () => {
    await endpoint?.close();
  });

  it('listens on 127.0.0.1 with the port it reports', () => {
    expect(endpoint.url).toBe(`http://127.0.0.1:${endpoint.port}`);
    expect(endpoint.port).toBeGreaterThan(0);
  });

  it('verifies a GET with a query and echoes it', async () => {
    const echo = echoOf(await signAndSend({ path: '/items?limit=10&sort=name' }));
    expect(echo).toMatchObject({
      message: 'verified',
      accessKeyId: TEST_CREDENTIALS.accessKeyId,
      method: 'GET',
      path: '/items',
      rawQuery: 'limit=10&sort=name',
      query: [
        ['limit', '10'],
        ['sort', 'name'],
      ],
      bodyLength: 0,
      bodySha256: sha256(''),
    });
    expect(echo.headers['x-amz-security-token']).toBe(TEST_CREDENTIALS.sessionToken);
    expect(echo.signedHeaders).toEqual(['host', 'x-amz-date', 'x-amz-security-token']);
    expect(canonicalLine(echo, 2)).toBe('limit=10&sort=name');
  });

  it('verifies a POST with a JSON body and echoes the exact bytes', async () => {
    const body = JSON.stringify({ name: 'Zoë', amount: 12.5, tags: ['a', 'b'] });
    const headers = { 'Content-Type': 'application/json' };
    const echo = echoOf(await signAndSend({ method: 'POST', path: '/orders', headers, body }));
    expect(echo.method).toBe('POST');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.bodyLength).toBe(Buffer.byteLength(body));
    expect(echo.bodySha256).toBe(sha256(body));
    expect(Buffer.from(echo.bodyBase64, 'base64').toString('utf8')).toBe(body);
    expect(echo.signedHeaders).toContain('content-type');
    expect(canonicalLine(echo, echo.canonicalRequest.split('\n').length - 1)).toBe(sha256(body));
  });

  it('verifies a unicode path, received encoded once and signed encoded twice', async () => {
    const echo = echoOf(await signAndSend({ path: '/stages/café/über uns' }));
    expect(echo.path).toBe('/stages/caf%C3%A9/%C3%BCber%20uns');
    expect(canonicalLine(echo, 1)).toBe('/stages/caf%25C3%25A9/%25C3%25BCber%2520uns');
  });

  it('verifies repeated query keys, echoed in received order and signed sorted', async () => {
    const echo = echoOf(await signAndSend({ path: '/search?tag=b&tag=a&q=x&tag=c' }));
    expect(echo.query).toEqual([
      ['tag', 'b'],
      ['tag', 'a'],
      ['tag', 'c'],
      ['q', 'x'],
    ]);
    expect(canonicalLine(echo, 2)).toBe('q=x&tag=a&tag=b&tag=c');
  });

  it('verifies reserved characters in query values, decoded in the echo', async () => {
    const echo = echoOf(await signAndSend({ path: '/search?q=a%2Bb%26c%3Dd&empty=' }));
    expect(echo.query).toEqual([
      ['q', 'a+b&c=d'],
      ['empty', ''],
    ]);
    expect(canonicalLine(echo, 2)).toBe('empty=&q=a%2Bb%26c%3Dd');
  });

  it('verifies extra signed headers, including repeated whitespace', async () => {
    const headers = { 'X-Tenant': '  acme   corp ' };
    const echo = echoOf(await signAndSend({ path: '/t', headers }));
    expect(echo.canonicalRequest).toContain('\nx-tenant:acme corp\n');
  });

  it('records every request with its verdict, in order', async () => {
    const start = endpoint.requests.length;
    await signAndSend({ path: '/first' });
    await send(endpoint.port, { path: '/second' });
    const recent = endpoint.requests.slice(start);
    expect(recent.map(({ raw }) => raw.rawUrl)).toEqual(['/first', '/second']);
    expect(recent.map(({ result }) => result.ok)).toEqual([true, false]);
  });
});

describe('payload hash rules', () => {
  let apiGateway: LocalIamEndpoint;
  let s3: LocalIamEndpoint;
  const unsigned = (port: number): ToSign => ({
    method: 'PUT',
    path: '/bucket/my%20key//x.txt',
    headers: { 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD', 'Content-Type': 'text/plain' },
    body: `uploaded to ${port}`,
    service: 's3',
  });

  beforeAll(async () => {
    apiGateway = await startLocalIamEndpoint();
    s3 = await startLocalIamEndpoint({ service: 's3', uriEscapePath: false });
  });

  afterAll(async () => {
    await apiGateway?.close();
    await s3?.close();
  });

  it('s3 signs x-amz-content-sha256 (UNSIGNED-PAYLOAD) and the path as sent', async () => {
    const echo = echoOf(await send(s3.port, signWithAws4(s3.port, unsigned(s3.port))));
    const lines = echo.canonicalRequest.split('\n');
    expect(lines[1]).toBe('/bucket/my%20key//x.txt');
    expect(lines[lines.length - 1]).toBe('UNSIGNED-PAYLOAD');
  });

  it('execute-api hashes the received body and ignores x-amz-content-sha256', async () => {
    const request = { ...unsigned(apiGateway.port), service: 'execute-api' };
    const response = await send(apiGateway.port, signWithAws4(apiGateway.port, request));
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    const [recorded] = apiGateway.requests.slice(-1);
    const lines = recorded.result.canonicalRequest?.split('\n') ?? [];
    expect(lines[lines.length - 1]).toBe(sha256(String(request.body)));
  });
});
