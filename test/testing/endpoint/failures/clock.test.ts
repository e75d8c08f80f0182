import { verifyRequest } from 'aws-sigv4-interceptor/testing';
import {
  amzDate,
  expectApiGatewayError,
  expectStartToFail,
  request,
  signAt,
  useEndpoints,
} from './support';

/**
 * A server clock set apart (`clockOffsetMs`): the skew check and the `Date` header follow the
 * same moved clock, so a client can read the server's time from `Date` and sign again.
 */

const NOW = new Date('2024-05-01T12:00:00Z');
const MINUTE = 60_000;

describe('clockOffsetMs', () => {
  const start = useEndpoints();

  it.each([
    [
      'ahead by 10 minutes: a request signed on time has expired',
      10 * MINUTE,
      'Signature expired: 20240501T120000Z is now earlier than 20240501T120500Z (20240501T121000Z - 5 min.)',
    ],
    [
      'behind by 10 minutes: a request signed on time is not yet current',
      -10 * MINUTE,
      'Signature not yet current: 20240501T120000Z is still later than 20240501T115500Z (20240501T115000Z + 5 min.)',
    ],
  ])('%s, and Date names the moved clock', async (_case, clockOffsetMs, message) => {
    const endpoint = await start({ now: () => NOW, clockOffsetMs });
    const sent = signAt(endpoint.port, NOW, { path: '/prod/items' });
    const reply = await request(endpoint.port, sent);
    expectApiGatewayError(reply, 403, 'InvalidSignatureException', message, sent);
    expect(reply.headers.date).toBe(new Date(NOW.getTime() + clockOffsetMs).toUTCString());
  });

  it('accepts a request signed on the server clock', async () => {
    const endpoint = await start({ now: () => NOW, clockOffsetMs: 10 * MINUTE });
    const serverTime = new Date(NOW.getTime() + 10 * MINUTE);
    const reply = await request(endpoint.port, signAt(endpoint.port, serverTime, { path: '/p' }));
    expect(reply.status).toBe(200);
    expect(reply.headers.date).toBe(serverTime.toUTCString());
  });

  it('with the real clock: refused, then accepted once signed at the time Date gives', async () => {
    const endpoint = await start({ clockOffsetMs: 42 * MINUTE });
    const first = await request(endpoint.port, signAt(endpoint.port, new Date(), { path: '/p' }));
    expect(first.status).toBe(403);
    expect(first.json).toEqual({ message: expect.stringMatching(/^Signature expired: /) });
    // What the AWS SDK does: offset = server Date - local now, then sign at now + offset.
    const serverDate = new Date(String(first.headers.date));
    const offset = serverDate.getTime() - Date.now();
    expect(Math.abs(offset - 42 * MINUTE)).toBeLessThan(5_000);
    const corrected = new Date(Date.now() + offset);
    const second = await request(endpoint.port, signAt(endpoint.port, corrected, { path: '/p' }));
    expect(second.status).toBe(200);
  });

  it('is the same clock for verifyRequest called directly', () => {
    const raw = {
      method: 'GET',
      rawUrl: '/',
      rawHeaders: [
        'Host',
        'x',
        'X-Amz-Date',
        amzDate(NOW),
        'Authorization',
        'AWS4-HMAC-SHA256 ' +
          `Credential=ASIALOCALTEST0000001/20240501/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      ],
      body: new Uint8Array(),
    };
    const result = verifyRequest(raw, { now: () => NOW, clockOffsetMs: -6 * MINUTE });
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^Signature not yet current: .* \(20240501T115400Z \+ 5 min\.\)$/,
      ),
    });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '600000'])(
    'rejects clockOffsetMs %p at start',
    async (clockOffsetMs) => {
      const message = `clockOffsetMs must be a finite number of milliseconds, got ${clockOffsetMs}`;
      await expectStartToFail({ clockOffsetMs: clockOffsetMs as number }, new RangeError(message));
    },
  );
});
