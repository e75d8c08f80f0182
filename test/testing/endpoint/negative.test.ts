import { createHash } from 'node:crypto';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type TestIdentity,
} from 'aws-sigv4-interceptor/testing';
import type { OutgoingHttpHeaders } from 'node:http';
import { send, type Outgoing, type SentResponse } from './support/send';
import { signWithAws4, type ToSign } from './support/sign';

/**
 * Every 403 of the catalogue, through the running endpoint: status, `x-amzn-ErrorType`, message,
 * and no secret key anywhere in the response.
 */

const NOW = new Date('2024-05-01T12:00:00Z');
const AMZ_NOW = '20240501T120000Z';
const WRONG_SECRET = 'wrongSecretAccessKey/ForNegativeTests+0001';
const MISMATCH_PREFIX =
  'The request signature we calculated does not match the signature you provided. Check your AWS ' +
  'Secret Access Key and signing method. Consult the service documentation for details.';

const sha256 = (data: string): string => createHash('sha256').update(data).digest('hex');

function expectForbidden(response: SentResponse, errorType: string, message: string): void {
  expect(response.status).toBe(403);
  expect(response.headers['x-amzn-errortype']).toBe(errorType);
  expect(response.headers['content-type']).toBe('application/json');
  expect(response.json).toEqual({ message });
  const everything = response.text + JSON.stringify(response.headers);
  for (const secret of [TEST_CREDENTIALS.secretAccessKey, WRONG_SECRET]) {
    expect(everything).not.toContain(secret);
  }
}

describe('local IAM endpoint 403 catalogue', () => {
  let endpoint: LocalIamEndpoint;
  const sign = (
    request: ToSign,
    credentials: TestIdentity = TEST_CREDENTIALS,
  ): Required<Outgoing> =>
    signWithAws4(
      endpoint.port,
      { ...request, headers: { 'X-Amz-Date': AMZ_NOW, ...request.headers } },
      credentials,
    );
  const sendIt = (request: Outgoing): Promise<SentResponse> => send(endpoint.port, request);
  const lastResult = () => endpoint.requests[endpoint.requests.length - 1].result;

  /** The exact InvalidSignatureException text, from the canonical request the server recorded. */
  function expectMismatch(response: SentResponse): string {
    const { canonicalRequest, stringToSign } = lastResult();
    expect(canonicalRequest).toBeDefined();
    expectForbidden(
      response,
      'InvalidSignatureException',
      `${MISMATCH_PREFIX}\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'` +
        `\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`,
    );
    return canonicalRequest ?? '';
  }

  beforeAll(async () => {
    endpoint = await startLocalIamEndpoint({ now: () => NOW });
  });

  afterAll(async () => {
    await endpoint?.close();
  });

  it('accepts the untampered request (the baseline of every case below)', async () => {
    const response = await sendIt(sign({ path: '/items?limit=1' }));
    expect(response.status).toBe(200);
    expect(response.headers.date).toBe(NOW.toUTCString());
  });

  it('no Authorization header: MissingAuthenticationTokenException', async () => {
    const response = await sendIt({ path: '/items' });
    expectForbidden(
      response,
      'MissingAuthenticationTokenException',
      'Missing Authentication Token',
    );
  });

  it('tampered body', async () => {
    const signed = sign({ method: 'POST', path: '/pay', body: '{"amount":10}' });
    const canonical = expectMismatch(await sendIt({ ...signed, body: '{"amount":99}' }));
    expect(canonical.split('\n').pop()).toBe(sha256('{"amount":99}'));
  });

  it('tampered path', async () => {
    const signed = sign({ path: '/items/1' });
    const canonical = expectMismatch(await sendIt({ ...signed, path: '/items/2' }));
    expect(canonical.split('\n')[1]).toBe('/items/2');
  });

  it('tampered query', async () => {
    const signed = sign({ path: '/items?limit=1' });
    const canonical = expectMismatch(await sendIt({ ...signed, path: '/items?limit=2' }));
    expect(canonical.split('\n')[2]).toBe('limit=2');
  });

  it('tampered signed header', async () => {
    const signed = sign({ path: '/items', headers: { 'X-Tenant': 'acme' } });
    const headers = { ...signed.headers, 'X-Tenant': 'evil' };
    const canonical = expectMismatch(await sendIt({ ...signed, headers }));
    expect(canonical).toContain('\nx-tenant:evil\n');
  });

  it('wrong secret key', async () => {
    const credentials = { ...TEST_CREDENTIALS, secretAccessKey: WRONG_SECRET };
    expectMismatch(await sendIt(sign({ path: '/items' }, credentials)));
  });

  it.each([
    ['unknown access key id', { ...TEST_CREDENTIALS, accessKeyId: 'ASIAUNKNOWNKEY000001' }],
    ['missing session token', { ...TEST_CREDENTIALS, sessionToken: undefined }],
    [
      'wrong session token',
      { ...TEST_CREDENTIALS, sessionToken: `${TEST_CREDENTIALS.sessionToken}x` },
    ],
  ])('%s: UnrecognizedClientException', async (_case, credentials) => {
    const response = await sendIt(sign({ path: '/items' }, credentials));
    expectForbidden(
      response,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  });

  it('wrong region', async () => {
    const response = await sendIt(sign({ path: '/items', region: 'eu-west-1' }));
    expectForbidden(
      response,
      'InvalidSignatureException',
      "Credential should be scoped to a valid region, not 'eu-west-1'. ",
    );
  });

  it('wrong service', async () => {
    const response = await sendIt(sign({ path: '/items', service: 'lambda' }));
    expectForbidden(
      response,
      'InvalidSignatureException',
      "Credential should be scoped to correct service: 'execute-api'. ",
    );
  });

  it('expired: the server clock is an hour ahead of x-amz-date', async () => {
    const response = await sendIt(
      sign({ path: '/items', headers: { 'X-Amz-Date': '20240501T110000Z' } }),
    );
    expectForbidden(
      response,
      'InvalidSignatureException',
      'Signature expired: 20240501T110000Z is now earlier than 20240501T115500Z (20240501T120000Z - 5 min.)',
    );
  });

  it('not yet current: x-amz-date is an hour ahead of the server clock', async () => {
    const response = await sendIt(
      sign({ path: '/items', headers: { 'X-Amz-Date': '20240501T130000Z' } }),
    );
    expectForbidden(
      response,
      'InvalidSignatureException',
      'Signature not yet current: 20240501T130000Z is still later than 20240501T120500Z (20240501T120000Z + 5 min.)',
    );
  });

  it.each(['20240501T115500Z', '20240501T120500Z'])(
    'accepts x-amz-date %s, exactly 5 minutes away',
    async (amzDate) => {
      const response = await sendIt(sign({ path: '/items', headers: { 'X-Amz-Date': amzDate } }));
      expect(response.status).toBe(200);
    },
  );

  describe('malformed Authorization', () => {
    /** Signs a valid request, then rewrites its Authorization header (and maybe drops x-amz-date). */
    function rewritten(
      rewrite: (authorization: string) => string,
      dropDate = false,
    ): Required<Outgoing> {
      const signed = sign({ path: '/items' });
      const headers: OutgoingHttpHeaders = {
        ...signed.headers,
        Authorization: rewrite(String(signed.headers.Authorization)),
      };
      if (dropDate) delete headers['X-Amz-Date'];
      return { ...signed, headers };
    }
    const requires = (param: string): string =>
      `Authorization header requires '${param}' parameter.`;
    const requiresDate =
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
    const keyId = TEST_CREDENTIALS.accessKeyId;

    it.each([
      [
        'a bearer token',
        () => 'Bearer abc.def.ghi',
        false,
        'IncompleteSignatureException',
        "'abc.def.ghi' not a valid key=value pair (missing equal-sign) in Authorization header.",
      ],
      [
        'a bare JWT without x-amz-date',
        () => 'eyJhbGciOiJIUzI1NiJ9.e30.sig',
        true,
        'IncompleteSignatureException',
        `${requires('Credential')} ${requires('Signature')} ${requires('SignedHeaders')} ${requiresDate}`,
      ],
      [
        'no Signature',
        (auth: string) => auth.replace(/, Signature=\w+/, ''),
        false,
        'IncompleteSignatureException',
        requires('Signature'),
      ],
      [
        'a space after Credential=',
        (auth: string) => auth.replace('Credential=', 'Credential= '),
        false,
        'IncompleteSignatureException',
        `'${keyId}/20240501/us-east-1/execute-api/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header.`,
      ],
      [
        'a Credential with 3 elements',
        (auth: string) => auth.replace('/execute-api/aws4_request', ''),
        false,
        'IncompleteSignatureException',
        `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${keyId}/20240501/us-east-1'`,
      ],
      [
        'another algorithm',
        (auth: string) => auth.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512'),
        false,
        'IncompleteSignatureException',
        'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
      ],
      [
        'a wrong scope terminator',
        (auth: string) => auth.replace('aws4_request', 'aws5_request'),
        false,
        'InvalidSignatureException',
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ",
      ],
      [
        'a scope date other than the x-amz-date day',
        (auth: string) => auth.replace('/20240501/', '/20240430/'),
        false,
        'InvalidSignatureException',
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240430' != '20240501', from '20240501T120000Z'.",
      ],
      [
        'host not signed',
        (auth: string) => auth.replace(/SignedHeaders=host;/, 'SignedHeaders='),
        false,
        'InvalidSignatureException',
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      ],
    ])('%s', async (_case, rewrite, dropDate, errorType, message) => {
      expectForbidden(await sendIt(rewritten(rewrite, dropDate)), errorType, message);
    });

    it('an x-amz-date that is not ISO 8601 basic format', async () => {
      const signed = sign({ path: '/items' });
      const headers = { ...signed.headers, 'X-Amz-Date': '2024-05-01T12:00:00Z' };
      expectForbidden(
        await sendIt({ ...signed, headers }),
        'InvalidSignatureException',
        "Date must be in ISO-8601 'basic format'. Got '2024-05-01T12:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
      );
    });
  });
});
