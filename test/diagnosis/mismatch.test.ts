/**
 * Signature mismatches: the server's canonical request (as API Gateway writes it into the message)
 * diffed with the one we signed, part by part, and the cause chosen from the most telling difference.
 */
import { analyzeFailure } from '../../src/diagnosis/analyze';
import type { SigningRecord } from '../../src/diagnosis/types';
import { canonical, mismatchMessage, recordOf, SESSION_TOKEN, stringToSign } from './support';

const HOST = 'abc123.execute-api.eu-west-1.amazonaws.com';
const BODY_HASH = '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';

type Parts = Parameters<typeof canonical>[0];
const SIGNED: Parts = {
  method: 'POST',
  path: '/prod/items',
  query: 'limit=2&q=a%20b',
  headers: [
    ['content-type', 'application/json'],
    ['host', HOST],
    ['x-amz-date', '20261122T120000Z'],
    ['x-amz-security-token', SESSION_TOKEN],
  ],
  payloadHash: BODY_HASH,
};

function diagnose(server: Parts, signed: Parts = SIGNED, serverSts = stringToSign()) {
  const message = mismatchMessage(canonical(server), serverSts);
  return analyzeFailure(
    { status: 403, errorType: 'InvalidSignatureException', message },
    recordOf(canonical(signed)),
  );
}

const withHeader = (name: string, value: string | undefined): Parts => ({
  ...SIGNED,
  headers: SIGNED.headers.map(([n, v]) => [n, n === name ? (value ?? '') : v] as const),
});

describe('signature mismatch: one tampered part, one difference, its cause', () => {
  test.each([
    {
      name: 'host rewritten (CloudFront)',
      server: withHeader('host', 'd111111abcdef8.cloudfront.net'),
      differences: [
        { part: 'header', name: 'host', signed: HOST, received: 'd111111abcdef8.cloudfront.net' },
      ],
      cause:
        /^The Host header was rewritten on the way \(signed 'abc123[^)]*', the server received 'd111111abcdef8\.cloudfront\.net'\): CloudFront or a proxy replaces Host/,
      fix: /`signingOrigin`/,
    },
    {
      name: 'path double-encoded',
      server: { ...SIGNED, path: '/prod/items%252F1' },
      differences: [{ part: 'path', signed: '/prod/items', received: '/prod/items%252F1' }],
      cause:
        /^The path was encoded or rewritten after signing \(double encoding, a base path mapping, or a proxy\)/,
      fix: /percent-encoded once/,
    },
    {
      name: "query '+' instead of '%20'",
      server: { ...SIGNED, query: 'limit=2&q=a%2Bb' },
      differences: [{ part: 'query', name: 'q', signed: 'a%20b', received: 'a%2Bb' }],
      cause: /^The query parameter 'q' was re-encoded after signing/,
      fix: /Send exactly the URL that was signed/,
    },
    {
      name: 'query parameter added',
      server: { ...SIGNED, query: 'debug=1&limit=2&q=a%20b' },
      differences: [{ part: 'query', name: 'debug', signed: undefined, received: '1' }],
      cause: /^The query parameter 'debug' was added after signing/,
      fix: /URL/,
    },
    {
      name: 'query parameter removed',
      server: { ...SIGNED, query: 'q=a%20b' },
      differences: [{ part: 'query', name: 'limit', signed: '2', received: undefined }],
      cause: /^The query parameter 'limit' was removed after signing/,
      fix: /URL/,
    },
    {
      name: 'a signed header changed',
      server: withHeader('content-type', 'application/json; charset=utf-8'),
      differences: [
        {
          part: 'header',
          name: 'content-type',
          signed: 'application/json',
          received: 'application/json; charset=utf-8',
        },
      ],
      cause: /^The header 'content-type' was changed after signing by a client or proxy/,
      fix: /final value before signing/,
    },
    {
      name: 'a signed header dropped (the server computes an empty value)',
      server: withHeader('content-type', undefined),
      differences: [
        { part: 'header', name: 'content-type', signed: 'application/json', received: '' },
      ],
      cause: /^The signed header 'content-type' did not reach the server/,
      fix: /dropping it/,
    },
    {
      name: 'body re-serialised',
      server: { ...SIGNED, payloadHash: 'a'.repeat(64) },
      differences: [{ part: 'payload-hash', signed: BODY_HASH, received: 'a'.repeat(64) }],
      cause:
        /^The body sent is not the body signed: it was re-serialised after signing, or a proxy re-encoded it/,
      fix: /exactly those bytes/,
    },
    {
      name: 'method changed',
      server: { ...SIGNED, method: 'PUT' },
      differences: [{ part: 'method', signed: 'POST', received: 'PUT' }],
      cause: /^The method was changed after signing \(signed POST, the server received PUT\)/,
      fix: /method/,
    },
  ])('$name', ({ server, differences, cause, fix }) => {
    const diagnosis = diagnose(server);
    expect(diagnosis?.kind).toBe('signature-mismatch');
    expect(diagnosis?.differences).toEqual(differences);
    expect(diagnosis?.cause).toMatch(cause);
    expect(diagnosis?.fix).toMatch(fix);
  });
});

describe('signature mismatch: the choice among several differences, and none', () => {
  test('a header added on the way: the SignedHeaders list difference wins over its header line', () => {
    const server: Parts = {
      ...SIGNED,
      headers: [...SIGNED.headers, ['x-forwarded-for', '10.0.0.1']],
    };
    const diagnosis = diagnose(server);
    expect(diagnosis?.differences).toEqual([
      { part: 'header', name: 'x-forwarded-for', signed: undefined, received: '10.0.0.1' },
      {
        part: 'signed-headers',
        signed: 'content-type;host;x-amz-date;x-amz-security-token',
        received: 'content-type;host;x-amz-date;x-amz-security-token;x-forwarded-for',
      },
    ]);
    expect(diagnosis?.cause).toMatch(/^A signed header was added or dropped on the way/);
  });

  test('host and body both differ: the host is named', () => {
    const server = { ...withHeader('host', 'proxy.internal'), payloadHash: 'b'.repeat(64) };
    const diagnosis = diagnose(server);
    expect(diagnosis?.differences?.map((d) => d.part)).toEqual(['header', 'payload-hash']);
    expect(diagnosis?.cause).toMatch(/^The Host header was rewritten/);
  });

  test('UNSIGNED-PAYLOAD signed: API Gateway refuses it', () => {
    const diagnosis = diagnose(SIGNED, { ...SIGNED, payloadHash: 'UNSIGNED-PAYLOAD' });
    expect(diagnosis?.cause).toMatch(/UNSIGNED-PAYLOAD \(a stream the signer could not hash\)/);
  });

  test('identical canonical requests, another scope in the string to sign: region/service/date', () => {
    const diagnosis = diagnose(
      SIGNED,
      SIGNED,
      stringToSign('20261122/us-east-1/execute-api/aws4_request'),
    );
    expect(diagnosis?.differences).toEqual([
      {
        part: 'string-to-sign',
        name: 'scope',
        signed: '20261122/eu-west-1/execute-api/aws4_request',
        received: '20261122/us-east-1/execute-api/aws4_request',
      },
    ]);
    expect(diagnosis?.cause).toMatch(
      /^The canonical requests match but the date or credential scope differs/,
    );
  });

  test('nothing differs (the session token, masked on both sides, is not a difference): a wrong secret', () => {
    const diagnosis = diagnose(SIGNED);
    expect(diagnosis?.differences).toEqual([]);
    expect(diagnosis?.cause).toBe(
      'Everything signed matches what the server computed, so the secret access key does not belong to the access key id (a wrong or rotated secret).',
    );
  });

  test('a session token added on the way shows as absent vs masked, never by value', () => {
    const signed: Parts = { ...SIGNED, headers: SIGNED.headers.slice(0, 3) };
    const diagnosis = diagnose(SIGNED, signed);
    expect(diagnosis?.differences).toContainEqual({
      part: 'header',
      name: 'x-amz-security-token',
      signed: undefined,
      received: '***',
    });
  });
});

describe('signature mismatch: what cannot be compared', () => {
  const message = mismatchMessage(canonical(SIGNED), stringToSign());

  test('no record: no differences, the server canonical request kept with its token masked', () => {
    const diagnosis = analyzeFailure({ status: 403, message });
    expect(diagnosis?.differences).toBeUndefined();
    expect(diagnosis?.cause).toMatch(/^The server computed another signature/);
    expect(diagnosis?.serverCanonicalRequest).toBe(
      canonical(withHeader('x-amz-security-token', '***')),
    );
  });

  test('a message without the canonical blocks: the general cause', () => {
    const record: SigningRecord = recordOf(canonical(SIGNED));
    const short =
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.';
    const diagnosis = analyzeFailure({ status: 403, message: short }, record);
    expect(diagnosis).toMatchObject({ kind: 'signature-mismatch', message: short });
    expect(diagnosis?.differences).toBeUndefined();
    expect(diagnosis?.serverCanonicalRequest).toBeUndefined();
  });

  test('CRLF line breaks are read as LF', () => {
    const crlf = mismatchMessage(canonical({ ...SIGNED, path: '/other' }), stringToSign()).replace(
      /\n/g,
      '\r\n',
    );
    const diagnosis = analyzeFailure({ status: 403, message: crlf }, recordOf(canonical(SIGNED)));
    expect(diagnosis?.differences).toEqual([
      { part: 'path', signed: '/prod/items', received: '/other' },
    ]);
  });
});
