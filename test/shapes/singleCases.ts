/**
 * The single cases the axios and fetch shape suites both run (beside the case tables of
 * harness.ts): a HEAD request, mixed headers, a multipart form. Each client sends them its own
 * way; what must arrive is written once, here.
 */
import type { LocalIamEndpoint } from 'aws-sigv4-interceptor/testing';
import {
  expectFormArrived,
  headerNames,
  lastReceived,
  utf8,
  type Arrival,
  type Echo,
} from './harness';

/** Where the HEAD case is sent, with the header `X-Case: HEAD`. */
export const HEAD_TARGET = '/head path/é?q=a+b&r=%2B';

/** HEAD has no response body: checked on the request the endpoint received. */
export function expectHeadArrived(endpoint: LocalIamEndpoint): void {
  const { raw, result } = lastReceived(endpoint, 'HEAD');
  expect(result).toMatchObject({ ok: true });
  expect(raw.rawUrl).toBe('/head%20path/%C3%A9?q=a%20b&r=%2B');
  expect(raw.body).toHaveLength(0);
  expect(headerNames(raw)).toContain('x-case');
}

/** A POST to /headers: custom mixed-case headers, inner and outer spaces, user-agent, accept. */
export const HEADERS_CASE = {
  path: '/headers',
  body: 'a,b\n1,2',
  headers: {
    'X-Custom-Thing': 'Value-With-Case',
    'X-Spaced': '  a   b  ',
    'User-Agent': 'shapes-test/1.0',
    Accept: 'application/x-shapes',
    'Content-Type': 'text/csv; charset=utf-8',
  },
  arrival: {
    method: 'POST',
    path: '/headers',
    headers: {
      'x-custom-thing': 'Value-With-Case',
      // HTTP (and axios) drop outer whitespace; the inner run is the caller's and must stay.
      'x-spaced': 'a   b',
      'user-agent': 'shapes-test/1.0',
      accept: 'application/x-shapes',
      'content-type': 'text/csv; charset=utf-8',
    },
    signed: ['x-custom-thing', 'x-spaced', 'accept', 'content-type'],
    body: utf8('a,b\n1,2'),
  } satisfies Arrival,
};

/** A POST of makeForm(): multipart, its boundary the one in the arrived content type, signed. */
export async function expectFormPostArrived(echo: Echo): Promise<void> {
  expect(echo.method).toBe('POST');
  expect(echo.headers['content-type']).toMatch(/^multipart\/form-data; ?boundary=/);
  expect(echo.signedHeaders).toContain('content-type');
  await expectFormArrived(echo);
}
