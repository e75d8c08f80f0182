/**
 * Real mismatch bodies: requests signed by the independent `aws4` package, tampered in one part on
 * the way to the local IAM endpoint, whose 403 carries its own canonical request and string to
 * sign (in API Gateway's format). The diagnosis diffs that with a SigningRecord made from aws4's
 * canonicalString()/stringToSign() of the untampered request.
 */
import { createHash } from 'node:crypto';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';
import { analyzeFailure } from '../../src/diagnosis/analyze';
import { messageOf } from '../../src/diagnosis/classify';
import { formatDiagnosis } from '../../src/diagnosis/format';
import type { Diagnosis, SigningRecord } from '../../src/diagnosis/types';
import { send, type Outgoing } from '../testing/endpoint/support/send';
import { signWithRecord, type ToSign } from './support';

let endpoint: LocalIamEndpoint;
beforeAll(async () => {
  endpoint = await startLocalIamEndpoint();
});
afterAll(() => endpoint.close());

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const signatureOf = (outgoing: Outgoing) =>
  /Signature=([0-9a-f]{64})/.exec(String(outgoing.headers?.Authorization))![1];

/** Sends `outgoing` and diagnoses the answer as `diagnose` will: body message, error type, record. */
async function diagnoseSent(outgoing: Required<Outgoing>, record: SigningRecord) {
  const reply = await send(endpoint.port, outgoing);
  const diagnosis = analyzeFailure(
    {
      status: reply.status,
      errorType: String(reply.headers['x-amzn-errortype'] ?? ''),
      message: messageOf(reply.text),
    },
    record,
  );
  return { reply, diagnosis };
}

/** Nothing secret of the request anywhere in the diagnosis or its text. */
function expectNoSecret(diagnosis: Diagnosis | undefined, outgoing: Outgoing): void {
  expect(diagnosis).toBeDefined();
  const texts = [JSON.stringify(diagnosis), formatDiagnosis(diagnosis!)];
  for (const secret of [
    TEST_CREDENTIALS.secretAccessKey,
    TEST_CREDENTIALS.sessionToken,
    signatureOf(outgoing),
  ]) {
    for (const text of texts) expect(text).not.toContain(secret);
  }
}

describe('the local endpoint and aws4: untampered requests verify', () => {
  test.each<ToSign & { name: string }>([
    { name: 'GET with a query', path: '/prod/items?q=a%20b' },
    {
      name: 'POST with a JSON body',
      method: 'POST',
      path: '/prod/items',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
    },
  ])('$name: 200, and the server canonical request is the record one', async (request) => {
    const { outgoing, record } = signWithRecord(endpoint.port, request);
    const reply = await send(endpoint.port, outgoing);
    expect(reply.status).toBe(200);
    const serverCanonical = String(reply.json.canonicalRequest).replace(
      /^(x-amz-security-token:).*$/m,
      '$1***',
    );
    expect(serverCanonical).toBe(record.canonicalRequest);
    expect(reply.json.stringToSign).toBe(record.stringToSign);
  });
});

describe('the local endpoint: a request tampered in one part, diagnosed', () => {
  test('Host rewritten (signed for CloudFront, received by the origin)', async () => {
    const { outgoing, record } = signWithRecord(endpoint.port, {
      path: '/prod/items',
      host: 'd111111abcdef8.cloudfront.net',
    });
    const headers = { ...outgoing.headers };
    delete headers.Host;
    const sent = { ...outgoing, headers }; // node:http then sends Host: 127.0.0.1:PORT
    const { reply, diagnosis } = await diagnoseSent(sent, record);
    expect(reply.status).toBe(403);
    expect(reply.text).toContain(TEST_CREDENTIALS.sessionToken); // the raw body holds the token
    expect(diagnosis?.kind).toBe('signature-mismatch');
    expect(diagnosis?.differences).toEqual([
      {
        part: 'header',
        name: 'host',
        signed: 'd111111abcdef8.cloudfront.net',
        received: `127.0.0.1:${endpoint.port}`,
      },
    ]);
    expect(diagnosis?.cause).toBe(
      `The Host header was rewritten on the way (signed 'd111111abcdef8.cloudfront.net', the server received '127.0.0.1:${endpoint.port}'): CloudFront or a proxy replaces Host with its origin's.`,
    );
    expectNoSecret(diagnosis, sent);
  });

  test('path encoded a second time', async () => {
    const { outgoing, record } = signWithRecord(endpoint.port, { path: '/prod/items/a%20b' });
    const sent = { ...outgoing, path: outgoing.path.replace('%20', '%2520') };
    const { diagnosis } = await diagnoseSent(sent, record);
    expect(diagnosis?.differences).toEqual([
      { part: 'path', signed: '/prod/items/a%2520b', received: '/prod/items/a%252520b' },
    ]);
    expect(diagnosis?.cause).toBe(
      'The path was encoded or rewritten after signing (double encoding, a base path mapping, or a proxy).',
    );
    expectNoSecret(diagnosis, sent);
  });

  test("query: '+' sent for a space signed as '%20'", async () => {
    const { outgoing, record } = signWithRecord(endpoint.port, {
      path: '/prod/items?limit=2&q=a%20b',
    });
    expect(outgoing.path).toBe('/prod/items?limit=2&q=a%20b');
    const sent = { ...outgoing, path: '/prod/items?limit=2&q=a+b' };
    const { diagnosis } = await diagnoseSent(sent, record);
    expect(diagnosis?.differences).toEqual([
      { part: 'query', name: 'q', signed: 'a%20b', received: 'a%2Bb' },
    ]);
    expect(diagnosis?.cause).toBe(
      "The query parameter 'q' was re-encoded after signing (e.g. '+' instead of '%20', or brackets).",
    );
    expectNoSecret(diagnosis, sent);
  });

  test('query: a parameter added after signing', async () => {
    const { outgoing, record } = signWithRecord(endpoint.port, { path: '/prod/items?limit=2' });
    const sent = { ...outgoing, path: `${outgoing.path}&cb=123` };
    const { diagnosis } = await diagnoseSent(sent, record);
    expect(diagnosis?.differences).toEqual([
      { part: 'query', name: 'cb', signed: undefined, received: '123' },
    ]);
    expect(diagnosis?.cause).toBe("The query parameter 'cb' was added after signing.");
  });

  test('a signed header value changed (charset appended to Content-Type)', async () => {
    const { outgoing, record } = signWithRecord(endpoint.port, {
      method: 'POST',
      path: '/prod/items',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    const sent = {
      ...outgoing,
      headers: { ...outgoing.headers, 'Content-Type': 'application/json; charset=utf-8' },
    };
    const { diagnosis } = await diagnoseSent(sent, record);
    expect(diagnosis?.differences).toEqual([
      {
        part: 'header',
        name: 'content-type',
        signed: 'application/json',
        received: 'application/json; charset=utf-8',
      },
    ]);
    expect(diagnosis?.cause).toBe(
      "The header 'content-type' was changed after signing by a client or proxy.",
    );
    expectNoSecret(diagnosis, sent);
  });

  test('the body changed after signing (same length)', async () => {
    const { outgoing, record } = signWithRecord(endpoint.port, {
      method: 'POST',
      path: '/prod/items',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    const sent = { ...outgoing, body: '{"a":2}' };
    const { diagnosis } = await diagnoseSent(sent, record);
    expect(diagnosis?.differences).toEqual([
      { part: 'payload-hash', signed: sha256('{"a":1}'), received: sha256('{"a":2}') },
    ]);
    expect(diagnosis?.cause).toBe(
      'The body sent is not the body signed: it was re-serialised after signing, or a proxy re-encoded it.',
    );
    expectNoSecret(diagnosis, sent);
  });

  test('signed with another secret key: nothing differs', async () => {
    const credentials = {
      ...TEST_CREDENTIALS,
      secretAccessKey: 'rotated/SecretAccessKey+NotForAWS000002',
    };
    const { outgoing, record } = signWithRecord(
      endpoint.port,
      { path: '/prod/items' },
      credentials,
    );
    const { diagnosis } = await diagnoseSent(outgoing, record);
    expect(diagnosis?.kind).toBe('signature-mismatch');
    expect(diagnosis?.differences).toEqual([]);
    expect(diagnosis?.cause).toMatch(/the secret access key does not belong to the access key id/);
    expectNoSecret(diagnosis, outgoing);
    expect(JSON.stringify(diagnosis)).not.toContain(credentials.secretAccessKey);
  });

  test('the formatted text shows the diff line by line, token masked', async () => {
    const { outgoing, record } = signWithRecord(endpoint.port, { path: '/prod/items?limit=2' });
    const sent = { ...outgoing, path: '/prod/items?limit=3' };
    const { diagnosis } = await diagnoseSent(sent, record);
    const text = formatDiagnosis(diagnosis!);
    expect(text).toContain(['  query limit', '  - signed: 2', '  + server: 3'].join('\n'));
    expect(text).not.toContain(TEST_CREDENTIALS.sessionToken);
  });
});
