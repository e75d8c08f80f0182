import {
  startLocalIamEndpoint,
  verifyRequest,
  type LocalIamEndpoint,
  type RawRequest,
  type VerifyOptions,
} from 'aws-sigv4-interceptor/testing';
import { sendRaw } from './support/send';
import {
  loadVectors,
  parseSignedRequest,
  toWireBytes,
  VECTOR_IDENTITY,
  VECTOR_NOW,
  VECTOR_REGION,
  VECTOR_SERVICE,
  vectorIdentity,
  type Vector,
} from './support/vectors';

const vectors = loadVectors();

function optionsFor(vector: Vector, extra: VerifyOptions = {}): VerifyOptions {
  return {
    region: VECTOR_REGION,
    service: VECTOR_SERVICE,
    credentials: [vectorIdentity(vector)],
    now: () => VECTOR_NOW,
    ...extra,
  };
}

function vectorNamed(name: string): Vector {
  const vector = vectors.find((candidate) => candidate.name === name);
  if (!vector) throw new Error(`vector ${name} not found`);
  return vector;
}

/** The same request with another request target, as a real client would have to write it. */
function withTarget(raw: RawRequest, rawUrl: string): RawRequest {
  return { ...raw, rawUrl };
}

/**
 * Vectors whose .sreq no HTTP/1.1 client can send: node's parser (like API Gateway's front end)
 * answers 400 before any signature check. Each one is still verified as written, and its wire
 * form is checked below.
 */
const NOT_SENDABLE: Record<string, string> = {
  'get-space': 'a raw space in the request target',
  'get-utf8': 'raw UTF-8 bytes in the request target',
  'get-vanilla-utf8-query': 'raw UTF-8 bytes in the request target',
  'get-header-value-multiline': 'obsolete line folding (obs-fold) in a header',
};

describe('AWS SigV4 test suite', () => {
  it('reads every case of the suite in place', () => {
    expect(vectors).toHaveLength(31);
    expect(vectors.filter((vector) => vector.sessionToken)).toHaveLength(2);
  });

  describe.each(vectors.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const raw = parseSignedRequest(vector.sreq);

    it('carries the Authorization header of its .authz', () => {
      const index = raw.rawHeaders.findIndex((name) => name.toLowerCase() === 'authorization');
      expect(raw.rawHeaders[index + 1]).toBe(vector.authz);
    });

    it('verifies, with the canonical request of .creq and the string to sign of .sts', () => {
      const result = verifyRequest(raw, optionsFor(vector));
      expect(result).toMatchObject({ ok: true, accessKeyId: VECTOR_IDENTITY.accessKeyId });
      expect(result.canonicalRequest).toBe(vector.creq);
      expect(result.stringToSign).toBe(vector.sts);
    });
  });
});

describe('AWS SigV4 test suite over the wire', () => {
  let plain: LocalIamEndpoint;
  let withToken: LocalIamEndpoint;

  beforeAll(async () => {
    const base = optionsFor(vectorNamed('get-vanilla'));
    plain = await startLocalIamEndpoint(base);
    withToken = await startLocalIamEndpoint(optionsFor(vectorNamed('post-sts-header-before')));
  });

  afterAll(async () => {
    await plain?.close();
    await withToken?.close();
  });

  const endpointFor = (vector: Vector): LocalIamEndpoint =>
    vector.sessionToken ? withToken : plain;
  const sendable = vectors.filter((vector) => !(vector.name in NOT_SENDABLE));
  const unsendable = vectors.filter((vector) => vector.name in NOT_SENDABLE);

  it('leaves out exactly the four cases HTTP/1.1 cannot carry', () => {
    expect(unsendable.map((vector) => vector.name).sort()).toEqual(
      Object.keys(NOT_SENDABLE).sort(),
    );
  });

  it.each(sendable.map((vector) => [vector.name, vector] as const))(
    '%s: 200 from the endpoint, echoing the suite canonical request',
    async (_name, vector) => {
      const response = await sendRaw(endpointFor(vector).port, toWireBytes(vector.sreq));
      expect(response.status).toBe(200);
      const json = JSON.parse(response.text.slice(response.text.indexOf('\r\n\r\n') + 4));
      expect(json.canonicalRequest).toBe(vector.creq);
      expect(json.stringToSign).toBe(vector.sts);
    },
  );

  it.each(unsendable.map((vector) => [vector.name, NOT_SENDABLE[vector.name], vector] as const))(
    '%s (%s): rejected by the HTTP parser with 400, never reaching the verifier',
    async (_name, _reason, vector) => {
      const endpoint = endpointFor(vector);
      const before = endpoint.requests.length;
      const response = await sendRaw(endpoint.port, toWireBytes(vector.sreq));
      expect(response.status).toBe(400);
      expect(endpoint.requests).toHaveLength(before);
    },
  );
});

/**
 * What the unsendable cases become on the wire. A client must percent-encode the target, and every
 * service but S3 encodes the received path once more, so the suite's single-encoded path
 * expectation only holds with S3 rules. The query is decoded before it is encoded, so it holds.
 */
describe('AWS SigV4 test suite: wire forms of the unsendable cases', () => {
  it.each([
    ['get-utf8', '/%E1%88%B4', '/%25E1%2588%25B4'],
    ['get-space', '/example%20space/', '/example%2520space/'],
  ])('%s sent as %s: double-encoded to %s, so the suite signature fails', (name, target, path) => {
    const vector = vectorNamed(name);
    const raw = withTarget(parseSignedRequest(vector.sreq), target);
    const result = verifyRequest(raw, optionsFor(vector));
    expect(result).toMatchObject({ ok: false, errorType: 'InvalidSignatureException' });
    expect(result.canonicalRequest?.split('\n')[1]).toBe(path);
  });

  it.each([
    ['get-utf8', '/%E1%88%B4'],
    ['get-space', '/example%20space/'],
  ])('%s sent as %s verifies under S3 rules (uriEscapePath: false)', (name, target) => {
    const vector = vectorNamed(name);
    const raw = withTarget(parseSignedRequest(vector.sreq), target);
    const result = verifyRequest(raw, optionsFor(vector, { uriEscapePath: false }));
    expect(result).toMatchObject({ ok: true });
    expect(result.canonicalRequest).toBe(vector.creq);
  });

  it('get-vanilla-utf8-query sent as /?%E1%88%B4=bar verifies with the suite signature', () => {
    const vector = vectorNamed('get-vanilla-utf8-query');
    const raw = withTarget(parseSignedRequest(vector.sreq), '/?%E1%88%B4=bar');
    const result = verifyRequest(raw, optionsFor(vector));
    expect(result).toMatchObject({ ok: true });
    expect(result.canonicalRequest).toBe(vector.creq);
  });

  it('get-header-value-multiline unfolded with spaces (RFC 9112 §5.2) signs another value', () => {
    const vector = vectorNamed('get-header-value-multiline');
    const raw = parseSignedRequest(vector.sreq, 'single-space');
    const result = verifyRequest(raw, optionsFor(vector));
    expect(result).toMatchObject({ ok: false, errorType: 'InvalidSignatureException' });
    expect(result.canonicalRequest).toContain('\nmy-header1:value1 value2 value3\n');
    expect(vector.creq).toContain('\nmy-header1:value1,value2,value3\n');
  });
});
