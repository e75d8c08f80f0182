import {
  TEST_CREDENTIALS,
  type InvokeRequest,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
  type VerifiedEcho,
} from 'aws-sigv4-interceptor/testing';
import { expectApiGatewayError, expectStartToFail, request, signAt, useEndpoints } from './support';

/**
 * The backend failing after a valid signature (`failingRoutes`, `integration`): API Gateway's 500
 * `{"message": "Internal server error"}`, only ever for a request that passed authorization.
 */

const NOW = new Date('2024-05-01T12:00:00Z');
const INTERNAL = 'Internal server error';

describe('backend failures', () => {
  const start = useEndpoints({ now: () => NOW });

  describe('failingRoutes', () => {
    let endpoint: LocalIamEndpoint;
    beforeEach(async () => {
      endpoint = await start({ failingRoutes: ['POST /prod/orders'] });
    });

    it('answers 500 Internal server error after a valid signature, and records the verdict', async () => {
      const sent = signAt(endpoint.port, NOW, { method: 'POST', path: '/prod/orders', body: '{}' });
      const reply = await request(endpoint.port, sent);
      expectApiGatewayError(reply, 500, 'InternalServerErrorException', INTERNAL, sent);
      expect(reply.headers.date).toBe(NOW.toUTCString());
      const { result, status } = endpoint.requests[endpoint.requests.length - 1];
      expect(status).toBe(500);
      expect(result.ok).toBe(true);
    });

    it('leaves other routes alone', async () => {
      const reply = await request(
        endpoint.port,
        signAt(endpoint.port, NOW, { path: '/prod/orders' }),
      );
      expect(reply.status).toBe(200);
    });

    it('a bad signature is still the 403, never the 500', async () => {
      const wrong = {
        ...TEST_CREDENTIALS,
        secretAccessKey: 'another/Secret+0000000000000000000000000',
      };
      const sent = signAt(
        endpoint.port,
        NOW,
        { method: 'POST', path: '/prod/orders', body: '{}' },
        wrong,
      );
      const reply = await request(endpoint.port, sent);
      expect(reply.status).toBe(403);
      expect(reply.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    });

    it('an unauthorized caller gets the 403 AccessDenied, not the 500', async () => {
      const denying = await start({ failingRoutes: ['ANY /prod/{p+}'], authorize: () => false });
      const reply = await request(
        denying.port,
        signAt(denying.port, NOW, { path: '/prod/orders' }),
      );
      expect(reply.status).toBe(403);
      expect(reply.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    });
  });

  describe('integration', () => {
    it('answers with what it returns, given the echo and the invoke request', async () => {
      const calls: Array<[VerifiedEcho, InvokeRequest]> = [];
      const endpoint = await start({
        integration: (echo, invoke) => {
          calls.push([echo, invoke]);
          return invoke.resourcePath === '/busy'
            ? {
                status: 429,
                body: { message: 'Too Many Requests' },
                headers: { 'retry-after': '3' },
              }
            : undefined;
        },
      });
      const busy = await request(endpoint.port, signAt(endpoint.port, NOW, { path: '/prod/busy' }));
      expect(busy.status).toBe(429);
      expect(busy.headers['retry-after']).toBe('3');
      expect(busy.headers['content-type']).toBe('application/json');
      expect(busy.json).toEqual({ message: 'Too Many Requests' });
      const echoed = await request(
        endpoint.port,
        signAt(endpoint.port, NOW, { path: '/prod/calm' }),
      );
      expect(echoed.status).toBe(200);
      expect(echoed.json).toMatchObject({ message: 'verified', path: '/prod/calm' });
      expect(calls.map(([echo, invoke]) => [echo.path, invoke.stage])).toEqual([
        ['/prod/busy', 'prod'],
        ['/prod/calm', 'prod'],
      ]);
    });

    it('sends a string or bytes as is, with the content-type given', async () => {
      const endpoint = await start({
        integration: (echo) =>
          echo.path.endsWith('/text')
            ? { status: 200, body: 'plain', headers: { 'content-type': 'text/plain' } }
            : { status: 201, body: new Uint8Array([0x68, 0x69]) },
      });
      const text = await request(endpoint.port, signAt(endpoint.port, NOW, { path: '/prod/text' }));
      expect([text.status, text.text, text.headers['content-type']]).toEqual([
        200,
        'plain',
        'text/plain',
      ]);
      const bytes = await request(
        endpoint.port,
        signAt(endpoint.port, NOW, { path: '/prod/bytes' }),
      );
      expect([bytes.status, bytes.text]).toEqual([201, 'hi']);
    });

    it.each([
      [
        'throws',
        () => {
          throw new Error('boom');
        },
      ],
      ['returns status 0', () => ({ status: 0 })],
      ['returns status 200.5', () => ({ status: 200.5 })],
    ])('answers 500 Internal server error when it %s', async (_case, integration) => {
      const endpoint = await start({ integration });
      const sent = signAt(endpoint.port, NOW, { path: '/prod/x' });
      const reply = await request(endpoint.port, sent);
      expectApiGatewayError(reply, 500, 'InternalServerErrorException', INTERNAL, sent);
      expect(reply.text).not.toContain('boom');
    });

    it.each([
      [
        { integration: 'echo' },
        new TypeError('integration must be a function (echo, invoke) => response | undefined'),
      ],
      [
        { failingRoutes: ['POST'] },
        new TypeError(
          `failingRoutes[0] must look like 'GET /prod/items/{id}' (a method or ANY, one space, then a path starting with '/'), got "POST"`,
        ),
      ],
      [{ port: -1 }, new RangeError('port must be an integer from 0 to 65535, got -1')],
    ])('rejects %p at start', async (options, error) => {
      await expectStartToFail(options as LocalIamEndpointOptions, error);
    });
  });
});
