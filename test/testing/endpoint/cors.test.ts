import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type CorsOptions,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';
import http from 'node:http';
import { signWithAws4 } from './support/sign';

/**
 * CORS like an API Gateway HTTP API configured with CORS: preflights are answered 204 without a
 * signature, every other response (403s included) carries the CORS headers for an allowed
 * origin, and nothing at all for another origin.
 */

const NOW = new Date('2024-05-01T12:00:00Z');
const AMZ = '20240501T120000Z';
const PAGE = 'http://127.0.0.1:5173';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A request with node:http, whatever the body (a 204 has none). */
function request(
  port: number,
  method: string,
  path: string,
  headers: http.OutgoingHttpHeaders = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const preflightHeaders = (origin: string): http.OutgoingHttpHeaders => ({
  Origin: origin,
  'Access-Control-Request-Method': 'POST',
  'Access-Control-Request-Headers':
    'authorization,content-type,x-amz-content-sha256,x-amz-date,x-amz-security-token',
});

const corsHeaderNames = (reply: Reply): string[] =>
  Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'));

describe('CORS for one listed origin, with credentials', () => {
  let endpoint: LocalIamEndpoint;
  const signed = (origin: string, path = '/prod/items') => {
    const outgoing = signWithAws4(endpoint.port, {
      path,
      headers: { 'X-Amz-Date': AMZ },
    });
    return { ...outgoing.headers, Origin: origin };
  };

  beforeAll(async () => {
    endpoint = await startLocalIamEndpoint({
      now: () => NOW,
      routes: ['ANY /prod/{proxy+}'],
      cors: { allowOrigin: PAGE, allowCredentials: true, allowHeaders: ['x-tenant'] },
    });
  });
  afterAll(async () => {
    await endpoint?.close();
  });

  it('answers a preflight 204 without a signature, and does not record it', async () => {
    const start = endpoint.requests.length;
    const reply = await request(endpoint.port, 'OPTIONS', '/prod/items', preflightHeaders(PAGE));
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect(reply.headers).toMatchObject({
      'access-control-allow-origin': PAGE,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-max-age': '300',
      vary: 'Origin',
    });
    const allowed = String(reply.headers['access-control-allow-headers']).split(', ');
    for (const name of [
      'authorization',
      'content-type',
      'x-amz-date',
      'x-amz-security-token',
      'x-amz-content-sha256',
      'x-amz-region-set',
      'x-tenant',
    ]) {
      expect(allowed).toContain(name);
    }
    expect(endpoint.requests.length).toBe(start);
  });

  it('answers a preflight from another origin with no CORS headers (the browser blocks)', async () => {
    const reply = await request(
      endpoint.port,
      'OPTIONS',
      '/prod/items',
      preflightHeaders('http://evil.example'),
    );
    expect(reply.status).toBe(204);
    expect(corsHeaderNames(reply)).toEqual([]);
  });

  it('adds the CORS headers to a verified response, exposing Date and x-amzn-ErrorType', async () => {
    const reply = await request(endpoint.port, 'GET', '/prod/items', signed(PAGE));
    expect(reply.status).toBe(200);
    expect(reply.headers).toMatchObject({
      'access-control-allow-origin': PAGE,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'date, x-amzn-errortype',
      vary: 'Origin',
    });
    expect(reply.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('adds them to a 403 too, so that a browser can read the error', async () => {
    const headers = { ...signed(PAGE), 'X-Amz-Date': '20240501T120001Z' };
    const reply = await request(endpoint.port, 'GET', '/prod/items', headers);
    expect(reply.status).toBe(403);
    expect(reply.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    expect(reply.headers['access-control-allow-origin']).toBe(PAGE);
    expect(reply.headers['access-control-expose-headers']).toContain('x-amzn-errortype');
    expect(reply.text).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  });

  it('adds nothing for another origin or without Origin', async () => {
    const other = await request(endpoint.port, 'GET', '/prod/items', signed('http://evil.example'));
    expect(other.status).toBe(200);
    expect(corsHeaderNames(other)).toEqual([]);
    const withoutOrigin: http.OutgoingHttpHeaders = signed(PAGE);
    delete withoutOrigin.Origin;
    const none = await request(endpoint.port, 'GET', '/prod/items', withoutOrigin);
    expect(none.status).toBe(200);
    expect(corsHeaderNames(none)).toEqual([]);
  });

  it('verifies an OPTIONS request that is not a preflight like any other request', async () => {
    const reply = await request(endpoint.port, 'OPTIONS', '/prod/items', { Origin: PAGE });
    expect(reply.status).toBe(403);
    expect(reply.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(reply.headers['access-control-allow-origin']).toBe(PAGE);
  });
});

describe('CORS for any origin', () => {
  it("answers '*' without credentials, on preflights and on responses", async () => {
    const endpoint = await startLocalIamEndpoint({
      cors: { allowOrigin: '*', maxAgeSeconds: 60 },
    });
    try {
      const preflight = await request(
        endpoint.port,
        'OPTIONS',
        '/anything',
        preflightHeaders('http://localhost:3000'),
      );
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      expect(preflight.headers['access-control-max-age']).toBe('60');
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      const refused = await request(endpoint.port, 'GET', '/anything', {
        Origin: 'http://localhost:3000',
      });
      expect(refused.status).toBe(403);
      expect(refused.headers['access-control-allow-origin']).toBe('*');
    } finally {
      await endpoint.close();
    }
  });
});

describe('without the cors option', () => {
  it('refuses a preflight like any unsigned request', async () => {
    const endpoint = await startLocalIamEndpoint();
    try {
      const reply = await request(endpoint.port, 'OPTIONS', '/prod', preflightHeaders(PAGE));
      expect(reply.status).toBe(403);
      expect(reply.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
      expect(corsHeaderNames(reply)).toEqual([]);
    } finally {
      await endpoint.close();
    }
  });
});

describe('cors option validation', () => {
  it.each<[string, CorsOptions, RegExp]>([
    [
      'a wildcard with credentials',
      { allowOrigin: '*', allowCredentials: true },
      /allowCredentials cannot be true with allowOrigin '\*'/,
    ],
    [
      'an origin with a path',
      { allowOrigin: 'http://127.0.0.1:5173/' },
      /cors\.allowOrigin must be/,
    ],
    ['no origin', { allowOrigin: [] }, /cors\.allowOrigin must be/],
    ['a negative max age', { allowOrigin: PAGE, maxAgeSeconds: -1 }, /cors\.maxAgeSeconds/],
    [
      'a header name with a space',
      { allowOrigin: PAGE, allowHeaders: ['x a'] },
      /cors\.allowHeaders/,
    ],
  ])('refuses %s at start', async (_, cors, message) => {
    await expect(startLocalIamEndpoint({ cors })).rejects.toThrow(message);
  });
});
