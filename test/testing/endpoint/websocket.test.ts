import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
  type VerifiedEcho,
} from 'aws-sigv4-interceptor/testing';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import net from 'node:net';
import WebSocket from 'ws';
import {
  amzDate,
  presignV4aWithSmithy,
  presignWithAws4,
  presignWithSmithy,
} from './support/presign';
import { sendRaw } from './support/send';
import { signWithAws4 } from './support/sign';

/**
 * WebSocket `$connect` against the endpoint, with the `ws` client package: a verified upgrade
 * completes the handshake (ws itself checks Sec-WebSocket-Accept), receives the echo in one text
 * frame and a normal close; a refused one gets API Gateway's 403 as a plain HTTP response.
 */

const SIGNED_AT = new Date('2024-05-01T12:00:00Z');
const AMZ = amzDate(SIGNED_AT);

type Outcome =
  | { kind: 'closed'; messages: string[]; code: number }
  | { kind: 'refused'; status: number; headers: IncomingHttpHeaders; body: string };

/** Opens a WebSocket and reports what happened: messages and close code, or the refusal. */
function connect(url: string, headers?: OutgoingHttpHeaders): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: headers as Record<string, string> });
    const messages: string[] = [];
    socket.on('message', (data) => messages.push(data.toString()));
    socket.on('close', (code) => resolve({ kind: 'closed', messages, code }));
    socket.on('unexpected-response', (request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({
          kind: 'refused',
          status: response.statusCode ?? 0,
          headers: response.headers,
          body,
        });
        request.destroy();
      });
    });
    socket.on('error', reject);
  });
}

function echoOf(outcome: Outcome): VerifiedEcho {
  if (outcome.kind !== 'closed') throw new Error(`refused: ${outcome.status} ${outcome.body}`);
  expect(outcome.code).toBe(1000);
  expect(outcome.messages).toHaveLength(1);
  return JSON.parse(outcome.messages[0]) as VerifiedEcho;
}

function expectRefused(
  outcome: Outcome,
  status: number,
  errorType: string,
  message?: string,
): void {
  if (outcome.kind !== 'refused') throw new Error('the connection was accepted');
  expect(outcome.status).toBe(status);
  expect(outcome.headers['x-amzn-errortype']).toBe(errorType);
  if (message !== undefined) expect(JSON.parse(outcome.body)).toEqual({ message });
  expect(outcome.body).not.toContain(TEST_CREDENTIALS.secretAccessKey);
}

describe('WebSocket $connect through the endpoint', () => {
  let endpoint: LocalIamEndpoint;
  let now = SIGNED_AT;
  const wsUrl = (path: string): string => `ws://127.0.0.1:${endpoint.port}${path}`;
  const presigned = (path: string, expires?: string): string =>
    wsUrl(
      presignWithAws4(endpoint.port, {
        path,
        query: { 'X-Amz-Date': AMZ, ...(expires ? { 'X-Amz-Expires': expires } : {}) },
      }).path,
    );
  const options: LocalIamEndpointOptions = {
    now: () => now,
    routes: ['GET /prod', 'GET /big'],
    integration: (echo) =>
      echo.path === '/big' ? { status: 200, body: 'x'.repeat(70_000) } : undefined,
  };

  beforeAll(async () => {
    endpoint = await startLocalIamEndpoint(options);
  });
  beforeEach(() => {
    now = SIGNED_AT;
  });
  afterAll(async () => {
    await endpoint?.close();
  });

  it('accepts a URL presigned by aws4: one text frame with the echo, then close 1000', async () => {
    const start = endpoint.requests.length;
    const echo = echoOf(await connect(presigned('/prod')));
    expect(echo).toMatchObject({ message: 'verified', method: 'GET', path: '/prod' });
    expect(echo.accessKeyId).toBe(TEST_CREDENTIALS.accessKeyId);
    expect(echo.signedHeaders).toEqual(['host']);
    expect(echo.headers.upgrade).toBe('websocket');
    expect(echo.query.map(([key]) => key)).toContain('X-Amz-Signature');
    const [recorded] = endpoint.requests.slice(start);
    expect(recorded).toMatchObject({ status: 101, result: { ok: true } });
  });

  it('accepts a URL presigned by @smithy/signature-v4', async () => {
    const signed = await presignWithSmithy(
      endpoint.port,
      { path: '/prod' },
      { signingDate: SIGNED_AT, expiresIn: 60 },
    );
    expect(echoOf(await connect(wsUrl(signed.path))).canonicalRequest).toContain(
      'X-Amz-Expires=60',
    );
  });

  it('accepts a SigV4A presigned URL', async () => {
    const signed = await presignV4aWithSmithy(
      endpoint.port,
      { path: '/prod', regionSet: 'us-*' },
      { signingDate: SIGNED_AT, expiresIn: 60 },
    );
    expect(echoOf(await connect(wsUrl(signed.path))).stringToSign).toMatch(
      /^AWS4-ECDSA-P256-SHA256\n/,
    );
  });

  it('accepts an upgrade signed with headers', async () => {
    const signed = signWithAws4(endpoint.port, {
      path: '/prod',
      headers: { 'X-Amz-Date': AMZ },
    });
    const echo = echoOf(await connect(wsUrl(signed.path), signed.headers));
    expect(echo.signedHeaders).toEqual(['host', 'x-amz-date', 'x-amz-security-token']);
  });

  it('sends a frame of any length (16- and 64-bit length forms)', async () => {
    const outcome = await connect(presigned('/big'));
    expect(outcome.kind === 'closed' && outcome.messages).toEqual(['x'.repeat(70_000)]);
  });

  it('refuses an expired presigned URL with a 403 and no upgrade', async () => {
    const url = presigned('/prod', '60');
    now = new Date(SIGNED_AT.getTime() + 61_000);
    const start = endpoint.requests.length;
    expectRefused(
      await connect(url),
      403,
      'InvalidSignatureException',
      `Signature expired: ${AMZ} is now earlier than 20240501T120001Z (20240501T120101Z - 1 min.)`,
    );
    expect(endpoint.requests.slice(start)).toMatchObject([{ status: 403, result: { ok: false } }]);
  });

  it('refuses a tampered presigned URL', async () => {
    const url = presigned('/prod').replace(
      'X-Amz-SignedHeaders=host',
      'X-Amz-SignedHeaders=host%3Bupgrade',
    );
    expectRefused(await connect(url), 403, 'InvalidSignatureException');
  });

  it('refuses an unsigned upgrade, and one to a route the API does not have', async () => {
    expectRefused(
      await connect(wsUrl('/prod')),
      403,
      'MissingAuthenticationTokenException',
      'Missing Authentication Token',
    );
    expectRefused(await connect(presigned('/other')), 403, 'MissingAuthenticationTokenException');
  });

  it('answers 400 to an upgrade that is not a valid WebSocket handshake', async () => {
    const request = [
      'GET /prod HTTP/1.1',
      `Host: 127.0.0.1:${endpoint.port}`,
      'Connection: Upgrade',
      'Upgrade: websocket',
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n');
    const { status, text } = await sendRaw(endpoint.port, Buffer.from(request));
    expect(status).toBe(400);
    expect(text).toContain("'Sec-WebSocket-Key' must be 16 random bytes in base64");
  });
});

describe('closing an endpoint with a WebSocket client that never answers the close', () => {
  it('drops the upgraded connection instead of waiting for it', async () => {
    const endpoint = await startLocalIamEndpoint({ now: () => SIGNED_AT });
    const url = presignWithAws4(endpoint.port, { path: '/prod', query: { 'X-Amz-Date': AMZ } });
    const socket = net.connect(endpoint.port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    const head = await new Promise<string>((resolve) => {
      socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1')));
      socket.write(
        [
          `GET ${url.path} HTTP/1.1`,
          `Host: 127.0.0.1:${endpoint.port}`,
          'Connection: Upgrade',
          'Upgrade: websocket',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          '',
          '',
        ].join('\r\n'),
      );
    });
    // RFC 6455 §1.3's example key and its accept value.
    expect(head).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);
    expect(head).toContain('sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n');
    await endpoint.close();
    await closed;
  });
});
