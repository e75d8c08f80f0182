/**
 * examples/websocket-presign: the handler presigns `$connect` with the execution role's keys and
 * opens a WebSocket (the `ws` package) to a local WebSocket API that verifies the upgrade's query
 * signature, then answers one frame (the verified echo) and a normal close. The endpoint drops
 * what clients send, so the handler's message is read from the bytes it wrote to its socket.
 */
import net from 'node:net';
import { TEST_CREDENTIALS, type VerifiedEcho } from 'aws-sigv4-interceptor/testing';
import { coldStart, lambdaEnvironment, localEndpointBeforeEach, REGION } from './support';

type Example = typeof import('../../examples/websocket-presign/handler');

lambdaEnvironment();

/** Every byte written to each socket (both ends of every connection) during a test. */
const written = new Map<net.Socket, Buffer[]>();
let writeSpy: jest.SpyInstance | undefined;
beforeEach(() => {
  written.clear();
  const original = net.Socket.prototype.write;
  writeSpy = jest.spyOn(net.Socket.prototype, 'write').mockImplementation(function (
    this: net.Socket,
    chunk: string | Uint8Array,
    ...rest: unknown[]
  ) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Buffer.from(chunk);
    written.set(this, [...(written.get(this) ?? []), bytes]);
    return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as never);
});
afterEach(() => writeSpy?.mockRestore());

/** The text of the first frame the client sent after its handshake (RFC 6455 §5.2). */
function clientMessage(): string {
  const client = [...written.values()]
    .map((chunks) => Buffer.concat(chunks))
    .find((bytes) => bytes.subarray(0, 4).toString('latin1') === 'GET ');
  const frame = client!.subarray(client!.indexOf('\r\n\r\n') + 4);
  expect(frame[0]).toBe(0x81); // FIN, text
  expect(frame[1] & 0x80).toBe(0x80); // clients mask every frame
  const [length, at] =
    (frame[1] & 0x7f) === 126 ? [frame.readUInt16BE(2), 4] : [frame[1] & 0x7f, 2];
  const mask = frame.subarray(at, at + 4);
  const payload = frame.subarray(at + 4, at + 4 + length).map((byte, i) => byte ^ mask[i % 4]);
  return Buffer.from(payload).toString('utf8');
}

const api = localEndpointBeforeEach({ routes: ['GET /prod'] });

const start = (stage: string) =>
  coldStart<Example>('websocket-presign', {
    WEBSOCKET_URL: `${api.url.replace('http:', 'ws:')}/${stage}`,
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: 'execute-api',
  });

test('$connect with a presigned URL: verified, one message sent, the first one received returned', async () => {
  const { handler } = await start('prod');

  const echo = (await handler({ action: 'sendmessage', data: 'hello' })) as VerifiedEcho;

  expect(echo).toMatchObject({
    message: 'verified',
    method: 'GET',
    path: '/prod',
    accessKeyId: TEST_CREDENTIALS.accessKeyId,
    signedHeaders: ['host'],
  });
  expect(echo.headers.upgrade).toBe('websocket');
  expect(echo.headers).not.toHaveProperty('authorization');
  const query = Object.fromEntries(echo.query);
  expect(query).toMatchObject({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Expires': '60',
    'X-Amz-Security-Token': TEST_CREDENTIALS.sessionToken,
  });
  expect(query['X-Amz-Credential']).toMatch(/\/eu-west-1\/execute-api\/aws4_request$/);
  expect(api.requests).toMatchObject([{ status: 101, result: { ok: true } }]);
  expect(JSON.parse(clientMessage())).toEqual({ action: 'sendmessage', data: 'hello' });
});

test('a stage the API does not have: $connect refused with 403, no upgrade', async () => {
  const { handler } = await start('dev');

  await expect(handler({ data: 'hello' })).rejects.toThrow('$connect refused: HTTP 403 Forbidden');
  expect(api.requests).toMatchObject([
    { status: 403, result: { ok: false, errorType: 'MissingAuthenticationTokenException' } },
  ]);
});

test('a missing WEBSOCKET_URL fails the cold start with a message naming the variable', async () => {
  await expect(coldStart('websocket-presign', {})).rejects.toThrow(/Set WEBSOCKET_URL/);
});
