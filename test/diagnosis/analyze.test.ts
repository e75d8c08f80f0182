/**
 * analyzeFailure on API Gateway's answers, one kind at a time, with AWS's own wording: the kind,
 * the cleaned message, the cause, the fix and the details parsed out of the message.
 */
import { analyzeFailure } from '../../src/diagnosis/analyze';
import { canonical, mismatchMessage, recordOf, stringToSign } from './support';

const ERROR_TYPE_SUFFIX = ':http://internal.amazon.com/coral/com.amazon.coral.service/';
const API_URL = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items';
const RECORD = recordOf(
  canonical({ headers: [['host', 'abc123.execute-api.eu-west-1.amazonaws.com']] }),
);

describe('analyzeFailure: what is not a signing failure', () => {
  test.each([
    { status: 200, message: 'ok' },
    { status: 404, message: 'Not Found' },
    { status: 502, message: 'Internal server error' },
    { status: 403, message: 'Forbidden' },
  ])('$status $message gives undefined', (answer) => {
    expect(analyzeFailure(answer, RECORD)).toBeUndefined();
  });
});

describe('analyzeFailure: unsigned-or-no-route', () => {
  const answer = {
    status: 403,
    errorType: 'MissingAuthenticationTokenException',
    message: 'Missing Authentication Token',
  };

  test('without a record: no signature, or no such route', () => {
    const diagnosis = analyzeFailure(answer);
    expect(diagnosis).toMatchObject({
      kind: 'unsigned-or-no-route',
      status: 403,
      message: 'Missing Authentication Token',
    });
    expect(diagnosis?.cause).toMatch(/no signature, or .* route, method or stage does not exist/);
    expect(diagnosis?.fix).toMatch(/`hosts` scope/);
    expect(diagnosis?.fix).toMatch(/stage/);
  });

  test('with a record the request was signed: the route is the suspect', () => {
    const diagnosis = analyzeFailure(answer, RECORD);
    expect(diagnosis?.cause).toMatch(/^The request was signed, so the route, method or stage/);
    expect(diagnosis?.fix).toMatch(/method/);
  });
});

describe('analyzeFailure: clock-skew', () => {
  test.each([
    {
      message:
        'Signature expired: 20261122T120000Z is now earlier than 20261122T125500Z (20261122T130000Z - 5 min.)',
      skewMinutes: -60,
      cause:
        /signed at 20261122T120000Z, 60 minutes behind the server's clock \(20261122T130000Z\)/,
    },
    {
      message:
        'Signature not yet current: 20261122T131000Z is still later than 20261122T130500Z (20261122T130000Z + 5 min.)',
      skewMinutes: 10,
      cause: /10 minutes ahead of the server's clock/,
    },
    {
      message:
        'Signature expired: 20261231T235800Z is now earlier than 20270101T000100Z (20270101T000600Z - 5 min.)',
      skewMinutes: -8,
      cause: /8 minutes behind/,
    },
  ])('$skewMinutes minutes', ({ message, skewMinutes, cause }) => {
    const diagnosis = analyzeFailure({
      status: 403,
      errorType: 'InvalidSignatureException',
      message,
    });
    expect(diagnosis).toMatchObject({ kind: 'clock-skew', skewMinutes, message });
    expect(diagnosis?.cause).toMatch(cause);
    expect(diagnosis?.fix).toMatch(/^Sync this machine's clock/);
    expect(diagnosis?.fix).toMatch(/Date header/);
    expect(diagnosis?.fix).toMatch(/replayed/);
  });
});

describe('analyzeFailure: invalid-token and expired-token', () => {
  const invalid = {
    status: 403,
    errorType: `UnrecognizedClientException${ERROR_TYPE_SUFFIX}`,
    message: 'The security token included in the request is invalid.',
  };

  test('invalid: unknown key or missing token, and the automatic retry', () => {
    const diagnosis = analyzeFailure(invalid);
    expect(diagnosis?.kind).toBe('invalid-token');
    expect(diagnosis?.cause).toMatch(
      /unknown or deleted access key id, or temporary credentials sent without their session token/,
    );
    expect(diagnosis?.fix).toMatch(/session token/);
    expect(diagnosis?.fix).toMatch(/retries once/);
    expect(diagnosis?.fix).toMatch(/SnapStart/);
  });

  test('invalid, and the record shows no session token was signed', () => {
    const diagnosis = analyzeFailure(invalid, RECORD);
    expect(diagnosis?.cause).toMatch(/^No session token was sent/);
  });

  test('invalid, and a session token was signed: the general cause', () => {
    const record = recordOf(
      canonical({
        headers: [
          ['host', 'h'],
          ['x-amz-security-token', 'T'],
        ],
      }),
    );
    expect(analyzeFailure(invalid, record)?.cause).toMatch(/^AWS does not recognise/);
  });

  test('expired', () => {
    const diagnosis = analyzeFailure({
      status: 403,
      errorType: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
    });
    expect(diagnosis?.kind).toBe('expired-token');
    expect(diagnosis?.cause).toMatch(/past their expiration/);
    expect(diagnosis?.fix).toMatch(/re-resolves credentials and retries once/);
    expect(diagnosis?.fix).toMatch(/SnapStart/);
  });
});

describe('analyzeFailure: wrong-scope', () => {
  const region = {
    status: 403,
    errorType: 'InvalidSignatureException',
    message: "Credential should be scoped to a valid region, not 'us-east-1'. ",
  };

  test.each([
    ['execute-api', API_URL, 'eu-west-1'],
    ['lambda URL', 'https://abcdefghij.lambda-url.ap-southeast-2.on.aws/', 'ap-southeast-2'],
    ['appsync', 'https://xyz.appsync-api.us-west-2.amazonaws.com/graphql', 'us-west-2'],
  ])('region, %s host: the region in the host name', (_, url, expected) => {
    const diagnosis = analyzeFailure(region, { ...RECORD, url, region: 'us-east-1' });
    expect(diagnosis).toMatchObject({
      kind: 'wrong-scope',
      expected: { region: expected },
      message: region.message.trim(),
    });
    expect(diagnosis?.cause).toMatch(/signed for region 'us-east-1'/);
    expect(diagnosis?.fix).toContain(`region: '${expected}'`);
  });

  test.each([
    ['custom domain', 'https://api.example.com/items'],
    ['no record', undefined],
  ])('region, %s: cannot be inferred, pass `region`', (_, url) => {
    const diagnosis = analyzeFailure(region, url === undefined ? undefined : { ...RECORD, url });
    expect(diagnosis?.expected).toBeUndefined();
    expect(diagnosis?.fix).toMatch(/Pass the API's region as the `region` option/);
    expect(diagnosis?.fix).toMatch(/cannot be inferred/);
  });

  test('a SigV4A region set that leaves out the region: points to `regionSet`', () => {
    const diagnosis = analyzeFailure(
      { ...region, message: "Credential should be scoped to a valid region, not 'us-east-1'. " },
      {
        ...RECORD,
        region: 'us-east-1',
        stringToSign: 'AWS4-ECDSA-P256-SHA256\n20261122T120000Z\n20261122/s3/aws4_request\nabc',
      },
    );
    expect(diagnosis?.kind).toBe('wrong-scope');
    expect(diagnosis?.cause).toMatch(/SigV4A for the region set 'us-east-1'/);
    expect(diagnosis?.fix).toMatch(/`regionSet`/);
  });

  test('service: the expected service', () => {
    const diagnosis = analyzeFailure(
      {
        status: 403,
        errorType: 'InvalidSignatureException',
        message: "Credential should be scoped to correct service: 'execute-api'. ",
      },
      { ...RECORD, url: 'https://api.example.com/items', service: 'lambda' },
    );
    expect(diagnosis).toMatchObject({ kind: 'wrong-scope', expected: { service: 'execute-api' } });
    expect(diagnosis?.cause).toBe(
      "The request was signed for 'lambda', but this endpoint expects service 'execute-api'.",
    );
    expect(diagnosis?.fix).toContain("service: 'execute-api'");
  });
});

describe('analyzeFailure: access-denied', () => {
  const PRINCIPAL = 'arn:aws:sts::123456789012:assumed-role/Caller/session';
  const RESOURCE = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/items';
  const BASE = `User: ${PRINCIPAL} is not authorized to perform: execute-api:Invoke on resource: ${RESOURCE}`;
  const answer = (message: string) => ({
    status: 403,
    errorType: 'AccessDeniedException',
    message,
  });

  test.each([
    ['the short form', BASE],
    [
      '"because no identity-based policy allows"',
      `${BASE} because no identity-based policy allows the execute-api:Invoke action`,
    ],
  ])(
    'no Allow, %s: principal, action, resource and a statement for the caller role',
    (_, message) => {
      const diagnosis = analyzeFailure(answer(message));
      expect(diagnosis).toMatchObject({
        kind: 'access-denied',
        principal: PRINCIPAL,
        action: 'execute-api:Invoke',
        resource: RESOURCE,
      });
      expect(JSON.parse(diagnosis!.policyStatement!)).toEqual({
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: RESOURCE,
      });
      expect(diagnosis?.cause).toBe(
        `The signature is valid, but no policy allows ${PRINCIPAL} to perform execute-api:Invoke on this resource.`,
      );
      expect(diagnosis?.fix).toMatch(
        /^Add the policy statement to the identity-based policy of role Caller/,
      );
    },
  );

  test.each([
    ['with an explicit deny', ''],
    ['with an explicit deny in a resource-based policy', ' in a resource-based policy'],
    ['with an explicit deny in an identity-based policy', ' in an identity-based policy'],
  ])('%s', (suffix, place) => {
    const diagnosis = analyzeFailure(answer(`${BASE} ${suffix}`));
    expect(diagnosis).toMatchObject({ principal: PRINCIPAL, resource: RESOURCE });
    expect(diagnosis?.cause).toBe(
      `The signature is valid, but an explicit deny${place} refuses execute-api:Invoke on this resource to ${PRINCIPAL}.`,
    );
    expect(diagnosis?.fix).toMatch(/^An Allow cannot override a Deny/);
  });

  test('cross-account: the caller role and the API resource policy', () => {
    const caller = 'arn:aws:sts::210987654321:assumed-role/Partner/s';
    const diagnosis = analyzeFailure(
      answer(
        `User: ${caller} is not authorized to perform: execute-api:Invoke on resource: ${RESOURCE}`,
      ),
    );
    expect(diagnosis?.fix).toMatch(
      /^Cross-account call: add the policy statement to role Partner's policy in account 210987654321, and allow that principal in the API's resource policy in account 123456789012/,
    );
  });

  test('an IAM user is named as such', () => {
    const diagnosis = analyzeFailure(
      answer(
        `User: arn:aws:iam::123456789012:user/ci/deployer is not authorized to perform: execute-api:Invoke on resource: ${RESOURCE}`,
      ),
    );
    expect(diagnosis?.fix).toMatch(/policy of user deployer/);
  });

  test('anonymous: the request was not signed', () => {
    const diagnosis = analyzeFailure(
      answer(
        `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${RESOURCE}`,
      ),
    );
    expect(diagnosis).toMatchObject({ principal: 'anonymous', resource: RESOURCE });
    expect(diagnosis?.cause).toMatch(/unsigned/);
    expect(diagnosis?.fix).toMatch(/^Sign the request/);
  });

  test('classified by the error type alone: a general explanation', () => {
    const diagnosis = analyzeFailure({ status: 403, errorType: 'AccessDeniedException' });
    expect(diagnosis).toMatchObject({ kind: 'access-denied', message: '' });
    expect(diagnosis?.principal).toBeUndefined();
    expect(diagnosis?.fix).toMatch(/execute-api:Invoke/);
  });
});

describe('analyzeFailure: integration-error', () => {
  test('500 Internal server error: lambda:InvokeFunction', () => {
    const diagnosis = analyzeFailure({ status: 500, message: 'Internal server error' }, RECORD);
    expect(diagnosis).toMatchObject({ kind: 'integration-error', status: 500 });
    expect(diagnosis?.cause).toMatch(/IAM authorization passed but the integration failed/);
    expect(diagnosis?.cause).toMatch(/lacks lambda:InvokeFunction/);
    expect(diagnosis?.fix).toMatch(
      /^Allow lambda:InvokeFunction on the function to the caller's role/,
    );
  });
});

describe('analyzeFailure: signature-mismatch message', () => {
  test('the canonical blocks are cut from the message', () => {
    const text = canonical({ headers: [['host', 'h']] });
    const diagnosis = analyzeFailure({
      status: 403,
      errorType: 'InvalidSignatureException',
      message: mismatchMessage(text, stringToSign()),
    });
    expect(diagnosis?.kind).toBe('signature-mismatch');
    expect(diagnosis?.message).toBe(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  });
});
