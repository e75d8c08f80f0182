/**
 * Property: createSigner().sign() over random requests, given the way its API allows (any method
 * case, a URL string or object, headers as strings or arrays, names repeated in other cases,
 * string/bytes/ArrayBuffer bodies), computes the signature `aws4` and botocore compute for the
 * request as it will be sent. No HTTP here: the two client properties cover the wire; this one
 * covers the signer's own input handling, cheaply.
 */
import fc from 'fast-check';
import { createSigner } from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { aws4AuthorizationOf, aws4Limitation } from '../support/aws4Signed';
import { startBotocoreOracle, type BotocoreOracle } from '../support/botocoreOracle';
import { arrivedValue, headerValue, NEVER_SIGNED } from './support/headers';
import { pathArbitrary } from './support/path';
import { queryArbitrary, type Pairs } from './support/query';
import { fuzzParameters, runsFor, timeoutFor } from './support/settings';
import { interestingText } from './support/text';

const ORIGINS = ['https://api.example.com', 'http://127.0.0.1:8080', 'https://h.example:8443'];
const SCOPE = { region: 'eu-west-1', service: 'execute-api' };

/** RFC 3986 encoding of every byte but the unreserved ones, as a signed query is sent. */
const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
const wireQuery = (pairs: Pairs) =>
  pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&')}`;

const headerEntry = fc.tuple(
  fc.constantFrom('X-Fuzz', 'x-fuzz', 'X-Other', 'accept', 'Cache-Control', 'x-Ünïcode-free'),
  fc.oneof(headerValue, fc.array(headerValue, { minLength: 1, maxLength: 3 })),
);
const body = fc.option(
  fc.oneof(
    interestingText(30),
    fc.uint8Array({ maxLength: 64 }),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => bytes.slice().buffer),
  ),
  { nil: undefined },
);

const requestArbitrary = fc.record({
  method: fc.constantFrom('GET', 'post', 'Put', 'DELETE', 'pAtCh', 'OPTIONS', 'HEAD'),
  origin: fc.constantFrom(...ORIGINS),
  path: pathArbitrary,
  query: queryArbitrary,
  asUrlObject: fc.boolean(),
  headers: fc.array(headerEntry, { maxLength: 5 }),
  body,
});

let botocore: BotocoreOracle | undefined;
beforeAll(async () => {
  botocore = await startBotocoreOracle();
});
afterAll(async () => {
  await botocore?.close();
});

test(
  'the signer agrees with aws4 and botocore on random requests',
  async () => {
    const signer = createSigner({ ...SCOPE, credentials: TEST_CREDENTIALS });
    let aws4Checked = 0;
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (r) => {
        const written = `${r.origin}${r.path.written}${r.query.written}`;
        const record: Record<string, string | string[]> = {};
        for (const [name, value] of r.headers) {
          if (!(name in record)) record[name] = value; // a name repeated in another case stays
        }
        const signed = await signer.sign({
          method: r.method,
          url: r.asUrlObject ? new URL(written) : written,
          headers: record,
          body: r.body,
        });
        // The request as sent: the path as a URL parser writes it, the query RFC 3986-encoded.
        const url = `${r.origin}${r.path.expected}${wireQuery(r.query.pairs)}`;
        const fields: Array<[string, string]> = [
          ['host', new URL(r.origin).host],
          ['x-amz-date', signed['x-amz-date']],
          ['x-amz-security-token', TEST_CREDENTIALS.sessionToken],
        ];
        for (const [name, value] of Object.entries(record)) {
          if (NEVER_SIGNED.has(name.toLowerCase())) continue;
          for (const one of [value].flat()) fields.push([name.toLowerCase(), arrivedValue(one)]);
        }
        const bytes =
          r.body === undefined
            ? new Uint8Array(0)
            : typeof r.body === 'string'
              ? new Uint8Array(Buffer.from(r.body, 'utf8'))
              : new Uint8Array(r.body);
        const method = r.method.toUpperCase();
        const names = [...new Set(fields.map(([name]) => name))];
        if (!aws4Limitation(url, names)) {
          const joined: Record<string, string> = {};
          for (const [name, value] of fields) {
            joined[name] = name in joined ? `${joined[name]},${value}` : value;
          }
          const credentials = TEST_CREDENTIALS;
          const oracle = { method, url, headers: joined, body: bytes, ...SCOPE, credentials };
          expect(aws4AuthorizationOf(oracle)).toBe(signed.authorization);
          aws4Checked += 1;
        }
        if (botocore) {
          const boto = await botocore.sign({
            method,
            url,
            headers: fields,
            body: bytes,
            amzDate: signed['x-amz-date'],
            ...SCOPE,
            ...TEST_CREDENTIALS,
          });
          expect(signed.authorization).toContain(`SignedHeaders=${boto.signedHeaders},`);
          expect(signed.authorization).toContain(`Signature=${boto.signature}`);
        }
      }),
      fuzzParameters('signer'),
    );
    expect(aws4Checked).toBeGreaterThan(runsFor('signer') * 0.3);
  },
  timeoutFor('signer'),
);
