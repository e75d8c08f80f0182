import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';
import { expectApiGatewayError, expectStartToFail, request, signAt } from './support';

/**
 * `routes`: a request for a route the API does not have gets REST API's 403
 * MissingAuthenticationTokenException, signed or not, before any signature check.
 */

const NOW = new Date('2024-05-01T12:00:00Z');
const MISSING = 'Missing Authentication Token';

describe('routes', () => {
  let endpoint: LocalIamEndpoint;

  beforeAll(async () => {
    endpoint = await startLocalIamEndpoint({
      now: () => NOW,
      routes: [
        'GET /prod/items',
        'any /prod/items/{id}',
        'POST /prod/files/{key+}',
        '* /prod/ping',
      ],
    });
  });

  afterAll(async () => {
    await endpoint?.close();
  });

  it.each([
    ['GET', '/prod/items', 200],
    ['GET', '/prod/items/', 200],
    ['GET', '/prod/items?limit=2', 200],
    ['POST', '/prod/items', 403],
    ['PATCH', '/prod/items/42', 200],
    ['GET', '/prod/items/42/parts', 403],
    ['POST', '/prod/files/a', 200],
    ['POST', '/prod/files/a/b/c.txt', 200],
    ['POST', '/prod/files', 403],
    ['GET', '/prod/files/a', 403],
    ['OPTIONS', '/prod/ping', 200],
    ['GET', '/test/items', 403],
    ['GET', '/', 403],
  ])('signed %s %s: %i', async (method, path, status) => {
    const sent = signAt(endpoint.port, NOW, { method, path });
    const reply = await request(endpoint.port, sent);
    if (status === 200) expect(reply.status).toBe(200);
    else expectApiGatewayError(reply, 403, 'MissingAuthenticationTokenException', MISSING, sent);
  });

  it('an unknown route is refused before the signature is read', async () => {
    const wrong = {
      ...TEST_CREDENTIALS,
      secretAccessKey: 'another/Secret+0000000000000000000000000',
    };
    const reply = await request(
      endpoint.port,
      signAt(endpoint.port, NOW, { path: '/nowhere' }, wrong),
    );
    expect(reply.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(endpoint.requests[endpoint.requests.length - 1].result.canonicalRequest).toBeUndefined();
  });

  it('a known route with a bad signature is InvalidSignature: the two cases can be told apart', async () => {
    const wrong = {
      ...TEST_CREDENTIALS,
      secretAccessKey: 'another/Secret+0000000000000000000000000',
    };
    const reply = await request(
      endpoint.port,
      signAt(endpoint.port, NOW, { path: '/prod/items' }, wrong),
    );
    expect(reply.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
  });

  it('an unsigned request to a known route gets the same message as an unknown route', async () => {
    const reply = await request(endpoint.port, { path: '/prod/items' });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ message: MISSING });
  });

  it.each([
    [
      ['/prod/items'],
      `routes[0] must look like 'GET /prod/items/{id}' (a method or ANY, one space, then a path starting with '/'), got "/prod/items"`,
    ],
    [
      [42],
      `routes[0] must look like 'GET /prod/items/{id}' (a method or ANY, one space, then a path starting with '/'), got 42`,
    ],
    ['GET /prod', "routes must be a list of 'METHOD /path' patterns, got string"],
  ])('rejects routes %p at start', async (routes, message) => {
    await expectStartToFail({ routes: routes as string[] }, new TypeError(message));
  });
});
