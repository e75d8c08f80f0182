/**
 * "Sign exactly what is sent" through a real fetch (Node's global one, or the undici package's
 * given as `options.fetch`: fetch.test.ts and fetch.undici.test.ts run it over each): every case
 * must verify at the local IAM endpoint AND arrive as the caller meant it.
 *
 * Not here because fetch cannot do it: a body with GET or HEAD (fetch throws), a plain object body
 * (fetch sends "[object Object]"; the JSON case sends a string), params/baseURL/interceptors
 * (axios features), a Host header (fetch drops it).
 */
import { createSignedFetch } from 'aws-sigv4-interceptor';
import {
  BODY_CASES,
  expectArrived,
  fetchEcho,
  makeForm,
  METHOD_CASES,
  nextSecond,
  PATH_CASES,
  QUERY_CASES,
  startRecordingServer,
  useShapesHarness,
  utf8,
  type Echo,
  expectArrivedUntouched,
  methodCaseArrival,
} from './harness';
import { expectFormPostArrived, expectHeadArrived, HEAD_TARGET, HEADERS_CASE } from './singleCases';

/** Registers the whole fetch shape suite, signed over `implementation` (default: global fetch). */
export function describeFetchShapes(label: string, implementation?: typeof fetch): void {
  describe(label, () => {
    const h = useShapesHarness(implementation);

    const send = async (target: string, init?: RequestInit): Promise<Echo> =>
      fetchEcho(await h.signedFetch(h.url(target), init));

    describe('signed fetch: methods', () => {
      test.each(METHOD_CASES)('$name', async ({ method, body }) => {
        const echo = await send('/methods/x?m=1', { method, body, headers: { 'X-Case': method } });
        expectArrived(echo, methodCaseArrival(method, body));
      });

      test('HEAD (no response body: checked on the request the endpoint received)', async () => {
        const response = await h.signedFetch(h.url(HEAD_TARGET), {
          method: 'HEAD',
          headers: { 'X-Case': 'HEAD' },
        });
        expect(response.status).toBe(200);
        expect(await response.text()).toBe('');
        expectHeadArrived(h.endpoint);
      });
    });

    describe('signed fetch: paths', () => {
      test.each(PATH_CASES)('$name', async ({ target, path }) => {
        expectArrived(await send(target), { method: 'GET', path });
      });

      test.each(PATH_CASES)('$name, with a query and a body', async ({ target, path }) => {
        const echo = await send(`${target}?k=v w`, { method: 'POST', body: 'b' });
        expectArrived(echo, { method: 'POST', path, query: [['k', 'v w']], body: utf8('b') });
      });
    });

    describe('signed fetch: queries', () => {
      test.each(QUERY_CASES)('$name', async ({ search, query }) => {
        expectArrived(await send(`/query${search}`), { method: 'GET', path: '/query', query });
      });

      test.each(QUERY_CASES)('$name, given as a URL object', async ({ search, query }) => {
        const echo = await fetchEcho(await h.signedFetch(new URL(h.url(`/query/u${search}`))));
        expectArrived(echo, { method: 'GET', path: '/query/u', query });
      });
    });

    describe('signed fetch: headers', () => {
      const { path, body, headers, arrival } = HEADERS_CASE;
      const forms: Array<{ name: string; make: () => HeadersInit }> = [
        { name: 'a record', make: () => ({ ...headers }) },
        { name: 'a Headers instance', make: () => new Headers(headers) },
        { name: 'an array of pairs', make: () => Object.entries(headers) },
      ];

      test.each(forms)('headers as $name', async ({ make }) => {
        const echo = await send(path, { method: 'POST', headers: make(), body });
        expectArrived(echo, arrival);
      });

      test('a repeated header given as pairs arrives with both values, signed', async () => {
        const echo = await send('/headers/repeated', {
          headers: [
            ['X-Multi', 'one'],
            ['X-Multi', 'two'],
          ],
        });
        expectArrived(echo, {
          method: 'GET',
          path: '/headers/repeated',
          headers: { 'x-multi': 'one, two' },
          signed: ['x-multi'],
        });
      });
    });

    describe('signed fetch: bodies', () => {
      test('no body (POST)', async () => {
        expectArrived(await send('/body', { method: 'POST' }), { method: 'POST', path: '/body' });
      });

      test.each(BODY_CASES)('$name', async ({ make, bytes, contentType, stream }) => {
        const init = { method: 'PUT', body: make() as BodyInit, ...(stream && { duplex: 'half' }) };
        const echo = await send('/body?kind=x', init as RequestInit);
        expectArrived(echo, { method: 'PUT', path: '/body', query: [['kind', 'x']], body: bytes });
        if (contentType) expect(echo.headers['content-type']?.toLowerCase()).toBe(contentType);
      });

      test('JSON text with its content type', async () => {
        const json = '{ "a" : 1, "b": "é" }';
        const echo = await send('/body/json', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: json,
        });
        expectArrived(echo, {
          method: 'POST',
          path: '/body/json',
          headers: { 'content-type': 'application/json' },
          signed: ['content-type'],
          body: utf8(json),
        });
      });

      test('FormData: multipart whose boundary is the one in the arrived content type', async () => {
        const echo = await send('/body/form', { method: 'POST', body: makeForm() });
        await expectFormPostArrived(echo);
      });
    });

    describe('signed fetch: inputs', () => {
      test('a string', async () => {
        const echo = await fetchEcho(await h.signedFetch(h.url('/in/string?x=1 2')));
        expectArrived(echo, { method: 'GET', path: '/in/string', query: [['x', '1 2']] });
      });

      test('a URL object', async () => {
        const echo = await fetchEcho(await h.signedFetch(new URL(h.url('/in/url é?x=1+2'))));
        expectArrived(echo, { method: 'GET', path: '/in/url%20%C3%A9', query: [['x', '1 2']] });
      });

      test('a Request with its own method, headers and body', async () => {
        const request = new Request(h.url('/in/request?x=%2B'), {
          method: 'PATCH',
          headers: { 'X-From-Request': 'yes', 'Content-Type': 'text/plain' },
          body: 'request body ✓',
        });
        const echo = await fetchEcho(await h.signedFetch(request));
        expectArrived(echo, {
          method: 'PATCH',
          path: '/in/request',
          query: [['x', '+']],
          headers: { 'x-from-request': 'yes', 'content-type': 'text/plain' },
          signed: ['x-from-request', 'content-type'],
          body: utf8('request body ✓'),
        });
      });

      test('a Request with a stream body', async () => {
        const request = new Request(h.url('/in/request/stream'), {
          method: 'POST',
          body: new Blob(['from a ', 'stream']).stream(),
          duplex: 'half',
        } as RequestInit);
        const echo = await fetchEcho(await h.signedFetch(request));
        expectArrived(echo, {
          method: 'POST',
          path: '/in/request/stream',
          body: utf8('from a stream'),
        });
      });

      test('a Request with an init that overrides its method and headers', async () => {
        const request = new Request(h.url('/in/request/init'), {
          method: 'POST',
          headers: { 'X-From-Request': 'dropped' },
        });
        const echo = await fetchEcho(
          await h.signedFetch(request, {
            method: 'PUT',
            headers: { 'X-From-Init': 'kept' },
            body: 'i',
          }),
        );
        expectArrived(echo, {
          method: 'PUT',
          path: '/in/request/init',
          headers: { 'x-from-init': 'kept' },
          signed: ['x-from-init'],
          body: utf8('i'),
        });
        // fetch replaces a Request's headers with the init's: the signer must not resurrect them.
        expect(echo.headers['x-from-request']).toBeUndefined();
      });
    });

    describe('signed fetch: a retry re-signs', () => {
      test('the same input and init sent twice, a second apart, carry fresh signatures', async () => {
        const init = { method: 'POST', headers: { 'X-Attempt': 'same' }, body: 'again' };
        const first = await send('/retry?q=1', init);
        await nextSecond();
        const second = await send('/retry?q=1', init);
        for (const echo of [first, second]) {
          expectArrived(echo, {
            method: 'POST',
            path: '/retry',
            query: [['q', '1']],
            body: utf8('again'),
          });
        }
        expect(second.headers['x-amz-date']).not.toBe(first.headers['x-amz-date']);
        expect(second.headers.authorization).not.toBe(first.headers.authorization);
      });
    });

    describe('signed fetch: hosts out of scope pass through untouched', () => {
      test('a request to another server carries no signature and keeps its URL and body', async () => {
        const recorder = await startRecordingServer();
        try {
          const scoped = createSignedFetch({
            ...h.fetchOptions,
            hosts: [`127.0.0.1:${h.endpoint.port}`],
          });
          // The same client still signs the endpoint's host.
          expectArrived(await fetchEcho(await scoped(h.url('/in-scope?q=a+b'))), {
            method: 'GET',
            path: '/in-scope',
            query: [['q', 'a b']],
          });

          const response = await scoped(`${recorder.url}/raw path?q=a+b&p=%2B&arr[]=1&flag`, {
            method: 'POST',
            headers: { 'X-Custom-Thing': 'v' },
            body: 'untouched + body',
          });
          expect(response.status).toBe(204);
          // What plain fetch sends: the query is not re-encoded.
          expectArrivedUntouched(
            recorder,
            '/raw%20path?q=a+b&p=%2B&arr[]=1&flag',
            'untouched + body',
          );
        } finally {
          await recorder.close();
        }
      });
    });
  });
}
