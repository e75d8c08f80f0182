import {
  TEST_CREDENTIALS,
  type InvokeRequest,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
  type TestIdentity,
} from 'aws-sigv4-interceptor/testing';
import { expectApiGatewayError, expectStartToFail, request, signAt, useEndpoints } from './support';

/**
 * An IAM policy that refuses `execute-api:Invoke` after a valid signature: API Gateway's 403
 * AccessDeniedException naming the caller and the resource ARN.
 */

const NOW = new Date('2024-05-01T12:00:00Z');
const ROLE_ARN = 'arn:aws:sts::123456789012:assumed-role/local-test-role/local-test-session';
const denied = (principal: string, resource: string, suffix = ''): string =>
  `User: ${principal} is not authorized to perform: execute-api:Invoke on resource: ${resource}${suffix}`;

describe('authorize (IAM policy)', () => {
  const start = useEndpoints({ now: () => NOW });

  describe('a list of allowed routes', () => {
    let endpoint: LocalIamEndpoint;
    beforeEach(async () => {
      endpoint = await start({ authorize: ['GET /prod/items', 'ANY /prod/items/{id}'] });
    });

    it.each([
      ['GET', '/prod/items'],
      ['DELETE', '/prod/items/42'],
      ['GET', '/prod/items/caf%C3%A9'],
    ])('allows %s %s', async (method, path) => {
      const reply = await request(endpoint.port, signAt(endpoint.port, NOW, { method, path }));
      expect(reply.status).toBe(200);
    });

    it.each([
      ['POST', '/prod/items', 'abcde12345/prod/POST/items'],
      ['GET', '/prod/items/42/parts', 'abcde12345/prod/GET/items/42/parts'],
      ['GET', '/test/items', 'abcde12345/test/GET/items'],
      ['GET', '/prod', 'abcde12345/prod/GET/'],
    ])('denies %s %s', async (method, path, resource) => {
      const sent = signAt(endpoint.port, NOW, { method, path });
      const reply = await request(endpoint.port, sent);
      const arn = `arn:aws:execute-api:us-east-1:123456789012:${resource}`;
      expectApiGatewayError(reply, 403, 'AccessDeniedException', denied(ROLE_ARN, arn), sent);
      const { result, status } = endpoint.requests[endpoint.requests.length - 1];
      expect(status).toBe(403);
      expect(result).toMatchObject({ ok: false, errorType: 'AccessDeniedException' });
      // The signature did verify: the server's computation is kept for debugging.
      expect(result.canonicalRequest).toContain(`${method}\n${path}\n`);
    });

    it('checks the signature first: a bad signature on a denied route is InvalidSignature', async () => {
      const wrong = {
        ...TEST_CREDENTIALS,
        secretAccessKey: 'another/Secret+0000000000000000000000000',
      };
      const reply = await request(
        endpoint.port,
        signAt(endpoint.port, NOW, { method: 'POST', path: '/prod/items' }, wrong),
      );
      expect(reply.status).toBe(403);
      expect(reply.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    });

    it('an unsigned request is MissingAuthenticationToken, not AccessDenied', async () => {
      const reply = await request(endpoint.port, { method: 'POST', path: '/prod/items' });
      expect(reply.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    });
  });

  it('a function decides, with what IAM sees; explicit-deny adds the suffix', async () => {
    const seen: InvokeRequest[] = [];
    const endpoint = await start({
      authorize: (invoke) => {
        seen.push(invoke);
        return invoke.method === 'GET' || 'explicit-deny';
      },
    });
    expect(
      (await request(endpoint.port, signAt(endpoint.port, NOW, { path: '/prod/a%20b/c?x=1' })))
        .status,
    ).toBe(200);
    const sent = signAt(endpoint.port, NOW, { method: 'PUT', path: '/prod/a' });
    const reply = await request(endpoint.port, sent);
    const arn = 'arn:aws:execute-api:us-east-1:123456789012:abcde12345/prod/PUT/a';
    const message = denied(ROLE_ARN, arn, ' with an explicit deny');
    expectApiGatewayError(reply, 403, 'AccessDeniedException', message, sent);
    expect(seen[0]).toEqual({
      method: 'GET',
      path: '/prod/a%20b/c',
      stage: 'prod',
      resourcePath: '/a%20b/c',
      accessKeyId: TEST_CREDENTIALS.accessKeyId,
      principalArn: ROLE_ARN,
      resourceArn: 'arn:aws:execute-api:us-east-1:123456789012:abcde12345/prod/GET/a%20b/c',
    });
  });

  it('names the configured account, API id, region and the identity ARN', async () => {
    const user: TestIdentity = {
      accessKeyId: 'AKIALOCALTEST0000003',
      secretAccessKey: 'localTest/UserSecretAccessKey+NotForAWS03',
    };
    const named: TestIdentity = {
      ...TEST_CREDENTIALS,
      arn: 'arn:aws:sts::210987654321:assumed-role/caller/lambda-fn',
    };
    const endpoint = await start({
      region: 'eu-west-1',
      accountId: '210987654321',
      apiId: 'zyx987wvu6',
      credentials: [user, named],
      authorize: () => false,
    });
    const sign = (identity: TestIdentity) =>
      signAt(endpoint.port, NOW, { path: '/v1/orders/7', region: 'eu-west-1' }, identity);
    const arn = 'arn:aws:execute-api:eu-west-1:210987654321:zyx987wvu6/v1/GET/orders/7';
    const asUser = sign(user);
    expectApiGatewayError(
      await request(endpoint.port, asUser),
      403,
      'AccessDeniedException',
      denied('arn:aws:iam::210987654321:user/local-test-user', arn),
      asUser,
      user,
    );
    const asNamed = sign(named);
    expectApiGatewayError(
      await request(endpoint.port, asNamed),
      403,
      'AccessDeniedException',
      denied('arn:aws:sts::210987654321:assumed-role/caller/lambda-fn', arn),
      asNamed,
      named,
    );
  });

  it('answers 500 when the function returns something that is not a decision', async () => {
    const endpoint = await start({ authorize: (() => 'yes') as unknown as () => boolean });
    const reply = await request(endpoint.port, signAt(endpoint.port, NOW, { path: '/prod/a' }));
    expect(reply.status).toBe(500);
  });

  it.each([
    [
      { authorize: 'GET /prod/items' },
      "authorize must be a list of 'METHOD /path' patterns, got string",
    ],
    [
      { authorize: ['GET prod/items'] },
      `authorize[0] must look like 'GET /prod/items/{id}' (a method or ANY, one space, then a path starting with '/'), got "GET prod/items"`,
    ],
    [
      { authorize: ['GET /{proxy+}/x'] },
      `authorize[0] must look like 'GET /prod/items/{id}' (a {name+} segment must come last), got "GET /{proxy+}/x"`,
    ],
    [{ accountId: '1234' }, 'accountId must match /^\\d{12}$/, got "1234"'],
    [{ apiId: 'a/b' }, 'apiId must match /^[A-Za-z0-9]+$/, got "a/b"'],
  ])('rejects %p at start', async (options, message) => {
    await expectStartToFail(options as LocalIamEndpointOptions, new TypeError(message));
  });
});
