/**
 * presign(): query-string authentication through the same signer and credential cache. A real
 * WebSocket (`ws`) opens `$connect` with a presigned wss-style URL against the local endpoint,
 * which verifies it; a plain GET works with the URL alone; an expired URL is refused.
 */
import WebSocket from 'ws';
import { presign, SigV4OptionsError } from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';

const options = { region: 'us-east-1', service: 'execute-api', credentials: TEST_CREDENTIALS };

let endpoint: LocalIamEndpoint;
beforeEach(async () => {
  endpoint = await startLocalIamEndpoint();
});
afterEach(() => endpoint.close());

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
