/**
 * Every counterexample the fuzz properties found, as a named test through the real clients and
 * the local IAM endpoint. A comment names what failed and, for a fix in src/, where.
 */
import axios from 'axios';
import LegacyFormData from 'form-data';
import { Readable } from 'node:stream';
import { createSigner } from 'aws-sigv4-interceptor';
import { send } from '../testing/endpoint/support/send';
import { useFuzzHarness } from './support/harness';
import type { Expectation } from './support/expectation';
import { AXIOS_TAKES_WEB_STREAMS } from './support/limits';
import {
  checkThroughAxios,
  checkThroughFetch,
  requestSpec,
  signedAxios,
  signedFetches,
  SIGNING,
} from './support/send';

const h = useFuzzHarness();
const api = signedAxios();
const fetches = signedFetches();

/** An expectation written out by hand, for what the spec model does not describe. */
const expectation = (
  fields: Partial<Expectation> & { body: Expectation['body'] },
): Expectation => ({
  method: 'POST',
  path: '/',
  query: [],
  headers: {},
  signed: ['host', 'x-amz-date', 'x-amz-security-token'],
  contentType: [undefined],
  ...fields,
});

describe('fixed in src/', () => {
  // src/exchange/body.ts: npm form-data (a CombinedStream) has no async iterator; it was refused with
  // UNREADABLE_BODY ("unsupported body type FormData"). It is now read through its events.
  test.each([
    [
      'with fields',
      [
        ['a', '1 é'],
        ['b', ''],
      ] as Array<[string, string]>,
    ],
    ['without fields (form-data writes 0 bytes)', []],
  ])('an npm form-data body through axios, %s', async (_name, fields) => {
    const spec = requestSpec({ method: 'POST', body: { kind: 'legacy form-data', fields } });
    await checkThroughAxios(h, api, spec);
  });

  test('an npm form-data body with a file arrives byte for byte', async () => {
    const make = () => {
      const form = new LegacyFormData();
      form.setBoundary('fuzz-regression-boundary');
      form.append('field', 'value ✓');
      form.append('file', Buffer.from([0, 255, 13, 10, 45]), { filename: 'f.bin' });
      return form;
    };
    const contentType = 'multipart/form-data; boundary=fuzz-regression-boundary';
    const want = expectation({ contentType: [contentType], body: make().getBuffer() });
    await h.check(() => api.post(`${h.origin}/`, make()), {
      ...want,
      signed: [...want.signed, 'content-type'],
    });
  });

  // src/fetch/draft.ts: Node 20's Request (undici 6) never finishes reading an async iterable
  // that yields an empty chunk; the signed fetch hung, even with undici 7 injected. Such a body
  // is now read from the init by the signer.
  describe.each(fetches)('%s', (_name, signedFetch) => {
    test.each([
      ['a Node Readable of one empty chunk', { kind: 'Node Readable' as const, chunks: [[]] }],
      [
        'a generator with an empty chunk',
        { kind: 'async iterable' as const, chunks: [[1], [], [2]] },
      ],
    ])('an async-iterable body: %s', async (_kind, body) => {
      await checkThroughFetch(h, signedFetch, requestSpec({ method: 'PUT', body }));
    });

    test.each([
      ['GET', { method: 'GET', duplex: 'half' }],
      ['POST without duplex', { method: 'POST' }],
    ])('an async-iterable body with %s is refused as fetch refuses it', async (_name, init) => {
      const body = Readable.from([Buffer.from('x')]);
      await expect(
        signedFetch(`${h.origin}/`, { ...init, body } as unknown as RequestInit),
      ).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
      });
    });
  });

  // src/signing/signingHeaders.ts: the values of a repeated header were joined before trimming, so
  // ['', ' !'] was signed as ", !" where the server (trimming each field) signs ",!". Seen
  // through axios 1.6.0, which does not trim header values, and the signer's own API.
  test('a repeated header whose values have outer spaces and tabs, through axios', async () => {
    const headers = [
      { name: 'x-a', values: ['', ' !'] },
      { name: 'X-B', values: ['a ', '\tb '] },
    ];
    await checkThroughAxios(h, api, requestSpec({ headers }));
  });

  test('a repeated header whose values have outer spaces, signed by the signer, sent by node:http', async () => {
    const url = `${h.origin}/repeated`;
    const headers = { 'x-a': ['', ' !'], 'x-b': ['a ', ' b'] };
    const signed = await createSigner(SIGNING).sign({ method: 'GET', url, headers });
    const response = await send(Number(new URL(url).port), {
      path: '/repeated',
      headers: { ...headers, ...signed },
    });
    expect(response.json).toMatchObject({ message: 'verified' });
  });
});

describe('what the clients and the URL parser do, found by the fuzz and kept in its model', () => {
  // A URL parser strips C0 controls and spaces at the very end of the URL string.
  test.each(fetches)(
    'a control character at the end of the URL: %s',
    async (_name, signedFetch) => {
      const want = expectation({ method: 'GET', body: new Uint8Array(0) });
      await h.check(() => signedFetch(`${h.origin}/\u0001`), want);
    },
  );

  // axios labels a POST, PUT or PATCH without a type of its own as a form (dispatchRequest).
  test('axios: a POST without a body carries axios default content type, signed', async () => {
    await checkThroughAxios(h, api, requestSpec({ method: 'POST' }));
  });

  // axios trims params keys and iterates an object's integer-like keys first.
  test('axios: params object keys are trimmed, integer-like keys first', async () => {
    const params = { ' a ': '1', '0': 'z' };
    const want = expectation({
      method: 'GET',
      query: [
        ['0', 'z'],
        ['a', '1'],
      ],
      body: new Uint8Array(0),
    });
    await h.check(() => api.get(`${h.origin}/`, { params }), want);
  });

  // The interceptor loads axios lazily (import('axios')) and sends through that copy's adapter:
  // in the 'axios 1.6.0' jest project both must be 1.6.0, or that project would test a mix.
  test('the package sends through the same axios as the caller', async () => {
    h.received.splice(0);
    await api.get(`${h.origin}/same-axios`);
    const [{ raw }] = h.received;
    const agent = raw.rawHeaders[raw.rawHeaders.findIndex((n) => /^user-agent$/i.test(n)) + 1];
    expect(agent).toBe(`axios/${axios.VERSION}`);
  });

  // axios deep-merges its config, data included: own `__proto__` keys of a JSON body are lost.
  test('axios: a JSON body loses its own __proto__ keys, as plain axios sends it', async () => {
    const data = JSON.parse('{"a":{"__proto__":"x"},"b":1}');
    const body = new Uint8Array(Buffer.from('{"a":{},"b":1}'));
    const want = expectation({ contentType: ['application/json'], body });
    await h.check(() => api.post(`${h.origin}/`, data), {
      ...want,
      signed: [...want.signed, 'content-type'],
    });
  });

  // Before 1.7 axios serializes a web ReadableStream to `{}` in its own transformRequest.
  test(`axios ${AXIOS_TAKES_WEB_STREAMS ? '1.7+ sends' : '< 1.7 serializes'} a web ReadableStream`, async () => {
    const stream = new Blob(['web stream ✓']).stream();
    const bytes = AXIOS_TAKES_WEB_STREAMS ? 'web stream ✓' : '{}';
    const type = AXIOS_TAKES_WEB_STREAMS ? 'application/x-www-form-urlencoded' : 'application/json';
    const want = expectation({ contentType: [type], body: new Uint8Array(Buffer.from(bytes)) });
    await h.check(() => api.post(`${h.origin}/`, stream), {
      ...want,
      signed: [...want.signed, 'content-type'],
    });
  });
});

describe('known disagreements, pinned until a dependency changes', () => {
  // @smithy/signature-v4 5.7.5 getCanonicalQuery builds its pairs in a plain object: a key
  // `__proto__` is lost and "[object Object]" would be signed in its place. Refused up front.
  test('a query parameter named __proto__ is refused before sending (INVALID_REQUEST)', async () => {
    h.received.splice(0);
    const error = await fetches[0][1](`${h.origin}/p?__proto__=x`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SigV4RequestError', code: 'INVALID_REQUEST' });
    expect(String((error as Error).message)).toMatch(/query parameter named __proto__/);
    expect(h.received).toHaveLength(0);
  });

  // smithy 5.x trims only SP and HTAB in header values (RFC 9110); the endpoint, aws4 and
  // botocore also collapse U+00A0. What API Gateway does is not documented.
  test.failing('a header value holding U+00A0 verifies at the local endpoint', async () => {
    const spec = requestSpec({ headers: [{ name: 'x-nbsp', values: ['a\u00a0b'] }] });
    await checkThroughFetch(h, fetches[0][1], spec);
  });

  // undici copies headers into a plain object to send them: `__proto__` never leaves, but the
  // signature covers it, so a non-empty one is refused.
  test.failing('a header named __proto__ arrives through fetch', async () => {
    const spec = requestSpec({ headers: [{ name: '__proto__', values: ['x'] }] });
    await checkThroughFetch(h, fetches[0][1], spec);
  });
});
