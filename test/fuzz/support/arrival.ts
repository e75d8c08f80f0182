import { createHash } from 'node:crypto';
import type { LocalIamEndpoint, RawRequest } from 'aws-sigv4-interceptor/testing';
import type { BodySpec, FormEntry } from './bodies';
import type { Expectation } from './expectation';

/** One request the endpoint received, with its verdict. */
export type Received = LocalIamEndpoint['requests'][number];

/** Every value of a header as received, joined as a client joins repeated fields. */
export function arrivedHeader(raw: RawRequest, lowerName: string): string | undefined {
  const values: string[] = [];
  for (let i = 0; i + 1 < raw.rawHeaders.length; i += 2) {
    if (raw.rawHeaders[i].toLowerCase() === lowerName) values.push(raw.rawHeaders[i + 1]);
  }
  return values.length === 0 ? undefined : values.join(', ').replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Decoded query pairs of a raw query that must be RFC 3986-encoded (as README promises). */
function decodeQuery(rawQuery: string): Array<[string, string]> {
  expect(rawQuery).toMatch(/^[A-Za-z0-9\-._~%=&]*$/);
  return rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const equals = part.indexOf('=');
      const [key, value] =
        equals < 0 ? [part, ''] : [part.slice(0, equals), part.slice(equals + 1)];
      return [decodeURIComponent(key), decodeURIComponent(value)];
    });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function expectBytes(actual: Uint8Array, expected: Uint8Array): void {
  const show = (bytes: Uint8Array) =>
    bytes.byteLength <= 4096
      ? Buffer.from(bytes).toString('base64')
      : `${bytes.byteLength} bytes, sha256 ${sha256(bytes)}`;
  expect(show(actual)).toBe(show(expected));
}

/** A multipart body parsed with the content type that arrived, entry by entry. */
async function expectForm(raw: RawRequest, contentType: string, spec: BodySpec): Promise<void> {
  // form-data writes nothing at all, not even the closing boundary, for a form without fields.
  if (spec.kind === 'legacy form-data' && spec.fields.length === 0) {
    expect(raw.body.byteLength).toBe(0);
    return;
  }
  const form = await new Response(raw.body as BodyInit, {
    headers: { 'content-type': contentType },
  }).formData();
  const entries: FormEntry[] =
    spec.kind === 'FormData'
      ? spec.entries
      : spec.kind === 'legacy form-data'
        ? spec.fields.map(([name, value]) => ({ name, value }))
        : [];
  const arrived = await Promise.all(
    [...form.entries()].map(async ([name, value]) =>
      typeof value === 'string'
        ? { name, value }
        : {
            name,
            file: [...new Uint8Array(await value.arrayBuffer())],
            filename: value.name,
            type: value.type,
          },
    ),
  );
  const meant = entries.map((entry) =>
    'value' in entry ? entry : { ...entry, type: entry.type || 'application/octet-stream' },
  );
  expect(arrived).toEqual(meant);
}

/** Asserts a request verified AND arrived exactly as the caller meant it. */
export async function expectArrivedAsMeant(received: Received, want: Expectation): Promise<void> {
  const { raw, result } = received;
  if (!result.ok) {
    throw new Error(
      `the endpoint refused the request: ${result.errorType}: ${result.message}\n` +
        `raw request: ${JSON.stringify({ ...raw, body: raw.body.byteLength })}`,
    );
  }
  const mark = raw.rawUrl.indexOf('?');
  const path = mark < 0 ? raw.rawUrl : raw.rawUrl.slice(0, mark);
  const rawQuery = mark < 0 ? '' : raw.rawUrl.slice(mark + 1);
  expect({ method: raw.method, path, query: decodeQuery(rawQuery) }).toEqual({
    method: want.method,
    path: want.path,
    query: want.query,
  });
  const headers = Object.fromEntries(
    Object.keys(want.headers).map((name) => [name, arrivedHeader(raw, name)]),
  );
  expect(headers).toEqual(want.headers);
  const contentType = arrivedHeader(raw, 'content-type');
  const typeOk = want.contentType.some((type) =>
    type instanceof RegExp ? type.test(contentType ?? '') : type === contentType,
  );
  if (!typeOk) expect(contentType).toBe(String(want.contentType));
  const signed = contentType === undefined ? want.signed : [...want.signed, 'content-type'];
  expect(result.signedHeaders).toEqual(expect.arrayContaining(signed));
  if (want.body === 'multipart') await expectForm(raw, contentType ?? '', want.form!);
  else expectBytes(raw.body, want.body);
}
