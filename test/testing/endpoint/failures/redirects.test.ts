import {
  signingHeadersIn,
  startRecordingServer,
  TEST_CREDENTIALS,
  type LocalIamEndpointOptions,
  type RecordingServer,
} from 'aws-sigv4-interceptor/testing';
import { expectStartToFail, request, signAt, useEndpoints } from './support';

/**
 * `redirects`: the backend answers a redirect once the request passed authorization, as a Lambda
 * would; the recording server is the second origin a client may follow it to.
 */

describe('redirects', () => {
  let recorder: RecordingServer;
  const start = useEndpoints();

  beforeEach(async () => {
    recorder = await startRecordingServer();
  });

  afterEach(async () => {
    await recorder.close();
  });

  it('answers 302 with Location after a valid signature; nothing reaches the target by itself', async () => {
    const endpoint = await start({ redirects: { '/prod/old': `${recorder.url}/new?x=1` } });
    const reply = await request(
      endpoint.port,
      signAt(endpoint.port, new Date(), { path: '/prod/old?y=2' }),
    );
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe(`${recorder.url}/new?x=1`);
    expect(reply.headers['content-length']).toBe('0');
    expect(reply.headers['x-amzn-errortype']).toBeUndefined();
    expect(reply.text).toBe('');
    expect(endpoint.requests.map(({ status, result }) => [status, result.ok])).toEqual([
      [302, true],
    ]);
    expect(recorder.requests).toEqual([]);
  });

  it('takes a status and a same-origin path', async () => {
    const endpoint = await start({
      redirects: { '/prod/old': { location: '/prod/new', status: 307 } },
    });
    const reply = await request(
      endpoint.port,
      signAt(endpoint.port, new Date(), { method: 'POST', path: '/prod/old', body: 'x' }),
    );
    expect([reply.status, reply.headers.location]).toEqual([307, '/prod/new']);
  });

  it.each([
    ['unsigned', () => ({ path: '/prod/old' }), 'MissingAuthenticationTokenException'],
    [
      'signed with a wrong secret',
      (port: number) =>
        signAt(
          port,
          new Date(),
          { path: '/prod/old' },
          { ...TEST_CREDENTIALS, secretAccessKey: 'another/Secret+0000000000000000000000000' },
        ),
      'InvalidSignatureException',
    ],
  ])('%s: the 403, no redirect', async (_case, outgoing, errorType) => {
    const endpoint = await start({ redirects: { '/prod/old': `${recorder.url}/new` } });
    const reply = await request(endpoint.port, outgoing(endpoint.port));
    expect(reply.status).toBe(403);
    expect(reply.headers['x-amzn-errortype']).toBe(errorType);
    expect(reply.headers.location).toBeUndefined();
  });

  it('denied by the policy: the 403 AccessDenied, no redirect', async () => {
    const endpoint = await start({
      redirects: { '/prod/old': `${recorder.url}/new` },
      authorize: [],
    });
    const reply = await request(
      endpoint.port,
      signAt(endpoint.port, new Date(), { path: '/prod/old' }),
    );
    expect([reply.status, reply.headers.location]).toEqual([403, undefined]);
  });

  // DOMAIN.md §7: Node's fetch drops authorization on a cross-origin redirect, but not the
  // session token nor the other x-amz-* headers. This is the leak the client has to prevent.
  it('followed by a bare fetch, the session token reaches the second origin (what the recorder shows)', async () => {
    const endpoint = await start({ redirects: { '/prod/old': `${recorder.url}/new` } });
    const signed = signAt(endpoint.port, new Date(), { path: '/prod/old' });
    const headers = Object.fromEntries(
      Object.entries(signed.headers)
        .filter(([name]) => name.toLowerCase() !== 'host')
        .map(([n, v]) => [n, String(v)]),
    );
    const response = await fetch(`${endpoint.url}${signed.path}`, { headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: 'recorded' });
    expect(recorder.requests).toHaveLength(1);
    const [arrived] = recorder.requests;
    expect([arrived.method, arrived.url]).toEqual(['GET', '/new']);
    expect(signingHeadersIn(arrived)).toEqual(['x-amz-security-token', 'x-amz-date']);
    expect(arrived.headers['x-amz-security-token']).toBe(TEST_CREDENTIALS.sessionToken);
  });

  it.each([
    [
      { old: '/new' },
      new TypeError(`redirects: each key must be a path starting with '/', got "old"`),
    ],
    [
      { '/old': 'ftp://x/new' },
      new TypeError(
        `redirects["/old"] must be a path starting with '/' or an http(s) URL, or { location, status }`,
      ),
    ],
    [
      { '/old': { location: '/new', status: 200 } },
      new RangeError('redirects["/old"].status must be one of 301, 302, 303, 307, 308, got 200'),
    ],
    [
      { '/old': null },
      new TypeError(
        `redirects["/old"] must be a path starting with '/' or an http(s) URL, or { location, status }`,
      ),
    ],
  ])('rejects redirects %p at start', async (redirects, error) => {
    await expectStartToFail({ redirects } as unknown as LocalIamEndpointOptions, error);
  });
});
