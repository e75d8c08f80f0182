import { createECDH, createHash, createPrivateKey, sign as cryptoSign } from 'node:crypto';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type TestIdentity,
  type VerifiedEcho,
} from 'aws-sigv4-interceptor/testing';
import { deriveV4aPrivateScalar, deriveV4aPublicKey } from '../../../src/testing/verifier/v4aKey';
import {
  amzDate,
  presignV4aWithSmithy,
  signV4aWithSmithy,
  type ToPresign,
} from './support/presign';
import { send, type Outgoing, type SentResponse } from './support/send';

/**
 * SigV4A (`AWS4-ECDSA-P256-SHA256`) against the endpoint: the key derivation matches the vectors
 * AWS publishes, and requests signed by @smithy/signature-v4a verify (header form, and the query
 * form built from its signer), while tampered ones, wrong region sets and bad signatures fail.
 */

const SIGNED_AT = new Date('2024-05-01T12:00:00Z');
const AMZ = amzDate(SIGNED_AT);
const sha256 = (data: string): string => createHash('sha256').update(data).digest('hex');
const MISMATCH = 'The request signature we calculated does not match';

let now = SIGNED_AT;

function expectForbidden(response: SentResponse, errorType: string, message?: string): void {
  expect(response.status).toBe(403);
  expect(response.headers['x-amzn-errortype']).toBe(errorType);
  if (message !== undefined) expect(response.json).toEqual({ message });
  expect(response.text).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  if (!String(response.json.message).startsWith(MISMATCH)) {
    expect(response.text).not.toContain(TEST_CREDENTIALS.sessionToken);
  }
}

function echoOf(response: SentResponse): VerifiedEcho {
  expect(response.status).toBe(200);
  return response.json as unknown as VerifiedEcho;
}

describe('SigV4A key derivation (independent of @smithy/signature-v4a)', () => {
  it('derives the public key aws-c-auth publishes for the AKIDEXAMPLE test credentials', () => {
    // aws-c-auth tests/aws-signing-test-suite/v4a/*/public-key.json, also used by the CRT and
    // the AWS SDKs for Java and .NET to verify their SigV4A signatures.
    const jwk = deriveV4aPublicKey(
      'AKIDEXAMPLE',
      'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    ).export({ format: 'jwk' });
    expect(Buffer.from(String(jwk.x), 'base64url').toString('hex')).toBe(
      'b6618f6a65740a99e650b33b6b4b5bd0d43b176d721a3edfea7e7d2d56d936b1',
    );
    expect(Buffer.from(String(jwk.y), 'base64url').toString('hex')).toBe(
      '865ed22a7eadc9c5cb9d2cbaca1b3699139fedc5043dc6661864218330c8e518',
    );
  });

  it("derives the private scalar of smithy-go's SigV4A derivation test", () => {
    const scalar = deriveV4aPrivateScalar(
      'AKISORANDOMAASORANDOM',
      'q+jcrXGc+0zWN6uzclKVhvMmUsIfRPa4rlRandom',
    );
    expect(scalar.toString('hex')).toBe(
      '7fd3bd010c0d9c292141c2b77bfbde1042c92e6836fff749d1269ec890fca1bd',
    );
  });
});

describe('SigV4A requests signed by @smithy/signature-v4a', () => {
  let endpoint: LocalIamEndpoint;
  const sign = (
    request: ToPresign & { regionSet?: string },
    credentials: TestIdentity = TEST_CREDENTIALS,
  ): Promise<Required<Outgoing>> =>
    signV4aWithSmithy(
      endpoint.port,
      { regionSet: 'us-east-1', ...request },
      SIGNED_AT,
      credentials,
    );
  const sendIt = (request: Outgoing): Promise<SentResponse> => send(endpoint.port, request);
  const withAuthorization = (request: Required<Outgoing>, edit: (value: string) => string) => ({
    ...request,
    headers: { ...request.headers, authorization: edit(String(request.headers.authorization)) },
  });

  beforeAll(async () => {
    endpoint = await startLocalIamEndpoint({ now: () => now });
  });
  beforeEach(() => {
    now = SIGNED_AT;
  });
  afterAll(async () => {
    await endpoint?.close();
  });

  it('verifies a header-signed GET: scope without region, region set signed', async () => {
    const echo = echoOf(await sendIt(await sign({ path: '/prod/items', query: { a: '1' } })));
    expect(echo.stringToSign.split('\n').slice(0, 3)).toEqual([
      'AWS4-ECDSA-P256-SHA256',
      AMZ,
      '20240501/execute-api/aws4_request',
    ]);
    expect(echo.signedHeaders).toContain('x-amz-region-set');
    expect(echo.canonicalRequest).toContain('\nx-amz-region-set:us-east-1\n');
    expect(echo.headers.authorization).toMatch(
      new RegExp(
        `^AWS4-ECDSA-P256-SHA256 Credential=${TEST_CREDENTIALS.accessKeyId}/20240501/execute-api/aws4_request`,
      ),
    );
  });

  it('verifies a POST, and refuses it once the body changed', async () => {
    const signed = await sign({ method: 'POST', path: '/prod/pay', body: '{"amount":10}' });
    expect(
      echoOf(await sendIt(signed))
        .canonicalRequest.split('\n')
        .pop(),
    ).toBe(sha256('{"amount":10}'));
    expectForbidden(
      await sendIt({ ...signed, body: '{"amount":99}' }),
      'InvalidSignatureException',
    );
  });

  it('verifies the signature rather than comparing it: another valid ECDSA signature passes', async () => {
    // smithy's signatures are deterministic (RFC 6979); node:crypto's are randomized. Both verify.
    const signed = await sign({ path: '/prod/items' });
    const { stringToSign } = echoOf(await sendIt(signed));
    const scalar = deriveV4aPrivateScalar(
      TEST_CREDENTIALS.accessKeyId,
      TEST_CREDENTIALS.secretAccessKey,
    );
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(scalar);
    const point = ecdh.getPublicKey();
    const key = createPrivateKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        d: scalar.toString('base64url'),
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
      format: 'jwk',
    });
    const other = cryptoSign('sha256', Buffer.from(stringToSign), { key, dsaEncoding: 'der' });
    const resigned = withAuthorization(signed, (value) =>
      value.replace(/Signature=\w+$/, `Signature=${other.toString('hex')}`),
    );
    expect(resigned.headers.authorization).not.toBe(signed.headers.authorization);
    expect((await sendIt(resigned)).status).toBe(200);
  });

  it.each([
    ['*', true],
    ['us-*', true],
    ['eu-west-1,us-east-1', true],
    ['eu-west-1', false],
    ['us-west-*', false],
    ['us-east-10', false],
  ])('region set %j covers us-east-1: %s', async (regionSet, ok) => {
    const response = await sendIt(await sign({ path: '/prod/items', regionSet }));
    if (ok) expect(response.status).toBe(200);
    else {
      expectForbidden(
        response,
        'InvalidSignatureException',
        `Credential should be scoped to a valid region, not '${regionSet}'. `,
      );
    }
  });

  it('refuses a region set changed after signing', async () => {
    const signed = await sign({ path: '/prod/items', regionSet: 'us-east-1' });
    const headers = { ...signed.headers, 'x-amz-region-set': '*' };
    expectForbidden(await sendIt({ ...signed, headers }), 'InvalidSignatureException');
  });

  it('refuses a region set that is not a signed header', async () => {
    const signed = await sign({ path: '/prod/items' });
    const unsigned = withAuthorization(signed, (value) => value.replace(';x-amz-region-set', ''));
    expectForbidden(
      await sendIt(unsigned),
      'InvalidSignatureException',
      "'X-Amz-Region-Set' must be a 'SignedHeader' in the AWS Authorization.",
    );
  });

  it('refuses a request without a region set', async () => {
    const signed = await sign({ path: '/prod/items' });
    const headers = { ...signed.headers };
    delete headers['x-amz-region-set'];
    expectForbidden(
      await sendIt({ ...signed, headers }),
      'IncompleteSignatureException',
      "Authorization header requires existence of the 'X-Amz-Region-Set' header.",
    );
  });

  it('refuses a SigV4A credential that names a region', async () => {
    const signed = withAuthorization(await sign({ path: '/prod/items' }), (value) =>
      value.replace('/20240501/execute-api/', '/20240501/us-east-1/execute-api/'),
    );
    expectForbidden(
      await sendIt(signed),
      'IncompleteSignatureException',
      `Credential must have exactly 4 slash-delimited elements, e.g. keyid/date/service/term, got '${TEST_CREDENTIALS.accessKeyId}/20240501/us-east-1/execute-api/aws4_request'`,
    );
  });

  it.each([
    ['not hex', 'zz'],
    ['not DER', '3000'],
    ['a valid DER signature of something else', null],
  ])('refuses a signature that is %s (403, never a 500)', async (_, replacement) => {
    const other = await sign({ path: '/prod/other' });
    const otherSignature = /Signature=(\w+)$/.exec(String(other.headers.authorization))?.[1];
    const signed = withAuthorization(await sign({ path: '/prod/items' }), (value) =>
      value.replace(/Signature=\w+$/, `Signature=${replacement ?? otherSignature}`),
    );
    expectForbidden(await sendIt(signed), 'InvalidSignatureException');
  });

  it('refuses the wrong secret key, an unknown key and a missing session token', async () => {
    const wrongSecret = {
      ...TEST_CREDENTIALS,
      secretAccessKey: 'wrong/Secret+ForSigV4ATests000000001',
    };
    expectForbidden(
      await sendIt(await sign({ path: '/prod/items' }, wrongSecret)),
      'InvalidSignatureException',
    );
    const unknown = { ...TEST_CREDENTIALS, accessKeyId: 'ASIAUNKNOWNV4A000001' };
    expectForbidden(
      await sendIt(await sign({ path: '/prod/items' }, unknown)),
      'UnrecognizedClientException',
    );
    const noToken = { ...TEST_CREDENTIALS, sessionToken: undefined };
    expectForbidden(
      await sendIt(await sign({ path: '/prod/items' }, noToken)),
      'UnrecognizedClientException',
    );
  });

  it('refuses a SigV4A request outside the clock skew', async () => {
    const signed = await sign({ path: '/prod/items' });
    now = new Date(SIGNED_AT.getTime() + 301_000);
    const response = await sendIt(signed);
    expectForbidden(response, 'InvalidSignatureException');
    expect(response.json.message).toMatch(/^Signature expired: 20240501T120000Z is now earlier/);
  });
});

describe('SigV4A presigned URLs (query form)', () => {
  let endpoint: LocalIamEndpoint;
  const presign = (request: ToPresign & { regionSet?: string }, expiresIn = 300) =>
    presignV4aWithSmithy(
      endpoint.port,
      { regionSet: '*', ...request },
      { signingDate: SIGNED_AT, expiresIn },
    );
  const sendIt = (request: Outgoing): Promise<SentResponse> => send(endpoint.port, request);
  const withPath = (request: Required<Outgoing>, edit: (path: string) => string): Outgoing => ({
    ...request,
    path: edit(request.path),
  });

  beforeAll(async () => {
    endpoint = await startLocalIamEndpoint({ region: 'eu-west-1', now: () => now });
  });
  beforeEach(() => {
    now = SIGNED_AT;
  });
  afterAll(async () => {
    await endpoint?.close();
  });

  it('verifies a presigned SigV4A URL; the region set is a signed query parameter', async () => {
    const echo = echoOf(await sendIt(await presign({ path: '/prod/items', query: { q: 'x' } })));
    expect(echo.signedHeaders).toEqual(['host']);
    expect(echo.canonicalRequest.split('\n')[2]).toContain('&X-Amz-Region-Set=%2A&');
    expect(echo.stringToSign.split('\n')[2]).toBe('20240501/execute-api/aws4_request');
  });

  it('expires after X-Amz-Expires', async () => {
    const signed = await presign({ path: '/prod/items' }, 60);
    now = new Date(SIGNED_AT.getTime() + 60_000);
    expect((await sendIt(signed)).status).toBe(200);
    now = new Date(SIGNED_AT.getTime() + 61_000);
    expectForbidden(
      await sendIt(signed),
      'InvalidSignatureException',
      `Signature expired: ${AMZ} is now earlier than 20240501T120001Z (20240501T120101Z - 1 min.)`,
    );
  });

  it('refuses a changed region set: outside the set first, then as a signature mismatch', async () => {
    const signed = await presign({ path: '/prod/items' });
    const narrowed = withPath(signed, (path) =>
      path.replace('X-Amz-Region-Set=%2A', 'X-Amz-Region-Set=us-east-1'),
    );
    expectForbidden(
      await sendIt(narrowed),
      'InvalidSignatureException',
      "Credential should be scoped to a valid region, not 'us-east-1'. ",
    );
    const other = withPath(signed, (path) =>
      path.replace('X-Amz-Region-Set=%2A', 'X-Amz-Region-Set=eu-%2A'),
    );
    const response = await sendIt(other);
    expectForbidden(response, 'InvalidSignatureException');
    expect(String(response.json.message).startsWith(MISMATCH)).toBe(true);
  });

  it('refuses a presigned SigV4A URL without X-Amz-Region-Set', async () => {
    const signed = await presign({ path: '/prod/items' });
    expectForbidden(
      await sendIt(withPath(signed, (path) => path.replace(/&?X-Amz-Region-Set=[^&]*/, ''))),
      'IncompleteSignatureException',
      'Query-string authentication version 4A requires the X-Amz-Region-Set parameter.',
    );
  });
});
