/**
 * presign(): query-string authentication through the same signer and credential cache. A real
 * WebSocket (`ws`) opens `$connect` with a presigned wss-style URL against the local endpoint,
 * which verifies it; a plain GET works with the URL alone; an expired URL is refused.
 */
import aws4 from 'aws4';
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { presign, SigV4OptionsError } from 'aws-sigv4-interceptor';
import { startLocalIamEndpoint, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { startedBeforeEach } from '../../support/startedServers';

const options = { region: 'us-east-1', service: 'execute-api', credentials: TEST_CREDENTIALS };

const endpoint = startedBeforeEach(() => startLocalIamEndpoint());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The X-Amz-Signature `aws4` computes for a presigned URL (signQuery), given the same X-Amz-*. */
function aws4PresignedSignature(url: URL, method: string, body: string): string {
  const query = new URLSearchParams(url.search);
  query.delete('X-Amz-Signature');
  const signed = aws4.sign(
    {
      host: url.host,
      path: `${url.pathname}?${query.toString().replace(/\+/g, '%20')}`,
      method,
      body,
      service: options.service,
      region: options.region,
      signQuery: true,
    },
    TEST_CREDENTIALS,
  );
  return new URL(`http://${url.host}${signed.path}`).searchParams.get('X-Amz-Signature') ?? '';
}

/** Connects and collects the one echo frame, or the refusal's status. */
function connect(url: string): Promise<{ echo?: Record<string, unknown>; status?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('message', (data) => resolve({ echo: JSON.parse(data.toString()) }));
    socket.on('unexpected-response', (request, response) => {
      resolve({ status: response.statusCode });
      request.destroy();
    });
    socket.on('error', reject);
  });
}

test('a presigned $connect URL opens a WebSocket the endpoint verified', async () => {
  const url = await presign(`${endpoint.url.replace('http:', 'ws:')}/prod?room=a%20b`, {
    ...options,
    expiresIn: 60,
  });
  expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/prod\?room=a%20b&X-Amz-/);
  expect(url).toContain('X-Amz-Algorithm=AWS4-HMAC-SHA256');
  expect(url).toContain('X-Amz-Expires=60');
  expect(url).toContain('X-Amz-Security-Token=');
  const { echo } = await connect(url);
  expect(echo).toMatchObject({ message: 'verified', path: '/prod' });
  expect(endpoint.requests.at(-1)).toMatchObject({ status: 101 });
});

test('a presigned URL is a link anyone can GET until it expires', async () => {
  const url = await presign(`${endpoint.url}/prod/report?id=7`, { ...options, expiresIn: 2 });
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ message: 'verified', path: '/prod/report' });
});

test('an expired presigned URL is refused', async () => {
  const late = await startLocalIamEndpoint({ clockOffsetMs: 120_000 });
  try {
    const url = await presign(`${late.url}/prod/report`, { ...options, expiresIn: 60 });
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toMatch(/^Signature expired/);
  } finally {
    await late.close();
  }
});

test('S3-style presign: the endpoint in S3 mode verifies a PUT link', async () => {
  const s3 = await startLocalIamEndpoint({ service: 's3', uriEscapePath: false });
  try {
    const url = await presign(`${s3.url}/bucket/a%20key.txt`, {
      ...options,
      service: 's3',
      method: 'PUT',
      expiresIn: 300,
    });
    const response = await fetch(url, {
      method: 'PUT',
      body: 'uploaded by whoever holds the link',
    });
    expect(response.status).toBe(200);
  } finally {
    await s3.close();
  }
});

test.each([0, 604801, 1.5])('expiresIn %p is refused before signing', async (expiresIn) => {
  await expect(presign(`${endpoint.url}/x`, { ...options, expiresIn })).rejects.toThrow(
    SigV4OptionsError,
  );
});

describe('a presigned URL for a body', () => {
  const body = JSON.stringify({ order: 7, note: 'paid in full' });

  test('signs the SHA-256 of the body: that body verifies, another is refused', async () => {
    const url = await presign(`${endpoint.url}/prod/orders`, { ...options, method: 'POST', body });
    const sent = await fetch(url, { method: 'POST', body });
    expect(sent.status).toBe(200);
    expect(await sent.json()).toMatchObject({ message: 'verified', bodySha256: sha256(body) });
    const tampered = await fetch(url, { method: 'POST', body: body.replace('7', '8') });
    expect(tampered.status).toBe(403);
  });

  test('bytes are hashed as they are; aws4 signs the same URL', async () => {
    const bytes = new TextEncoder().encode(body);
    jest.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z'), doNotFake: ['nextTick'] });
    try {
      const url = new URL(
        await presign(`${endpoint.url}/prod/orders?x=1`, {
          ...options,
          method: 'PUT',
          body: bytes,
          expiresIn: 300,
        }),
      );
      const oracle = aws4PresignedSignature(url, 'PUT', body);
      expect(url.searchParams.get('X-Amz-Signature')).toBe(oracle);
    } finally {
      jest.useRealTimers();
    }
  });

  test('S3 signs UNSIGNED-PAYLOAD whatever the body (the upload is not fixed)', async () => {
    const s3 = await startLocalIamEndpoint({ service: 's3', uriEscapePath: false });
    try {
      const url = await presign(`${s3.url}/bucket/key.txt`, {
        ...options,
        service: 's3',
        method: 'PUT',
        body: 'first draft',
      });
      expect(url).toContain('UNSIGNED-PAYLOAD');
      const response = await fetch(url, { method: 'PUT', body: 'the final text' });
      expect(response.status).toBe(200);
    } finally {
      await s3.close();
    }
  });
});

describe('SigV4A presign (regionSet)', () => {
  test('a presigned SigV4A URL verifies at the endpoint, its region set in the query', async () => {
    const url = await presign(`${endpoint.url}/prod/report?id=7`, {
      ...options,
      regionSet: ['us-*', 'eu-west-1'],
      expiresIn: 120,
    });
    const query = new URL(url).searchParams;
    expect(query.get('X-Amz-Algorithm')).toBe('AWS4-ECDSA-P256-SHA256');
    expect(query.get('X-Amz-Region-Set')).toBe('us-*,eu-west-1');
    expect(query.get('X-Amz-Credential')).toMatch(/^[A-Z0-9]+\/\d{8}\/execute-api\/aws4_request$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ message: 'verified', signedHeaders: ['host'] });
  });

  test('with a body and S3: each verifies, and a changed region set is refused', async () => {
    const body = 'to every region';
    const signed = await presign(`${endpoint.url}/prod/all`, {
      ...options,
      method: 'POST',
      body,
      regionSet: ['*'],
    });
    expect((await fetch(signed, { method: 'POST', body })).status).toBe(200);
    const narrowed = signed.replace('X-Amz-Region-Set=%2A', 'X-Amz-Region-Set=us-east-1');
    expect((await fetch(narrowed, { method: 'POST', body })).status).toBe(403);
    const s3 = await startLocalIamEndpoint({ service: 's3', uriEscapePath: false });
    try {
      const url = await presign(`${s3.url}/bucket/a(1).txt`, {
        ...options,
        service: 's3',
        method: 'PUT',
        regionSet: ['*'],
      });
      expect(url).toContain('/bucket/a%281%29.txt?');
      expect((await fetch(url, { method: 'PUT', body: 'any bytes' })).status).toBe(200);
    } finally {
      await s3.close();
    }
  });
});
