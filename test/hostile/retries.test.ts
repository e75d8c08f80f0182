/**
 * A request is sent again only when AWS asked for it: an `x-amzn-ErrorType` (or S3's XML error
 * with its request id) naming clock skew or a refused token. A backend's own 403 that merely
 * reads like one is its answer, sent once; and the process-wide clock correction is learned only
 * from AWS's skew refusal, never from an ordinary response's `Date`.
 */
import { clearCredentialCache } from 'aws-sigv4-interceptor';
import { startLocalIamEndpoint, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { clockOffsetMs, resetClockOffset } from '../../src/exchange/clock';
import { CLIENT_NAMES, CLIENTS } from '../support/clients';
import {
  startScriptedServer,
  type ScriptedAnswer,
  type ScriptedServer,
} from '../support/scriptedServer';

const HOUR = 60 * 60 * 1000;
const scope = {
  region: 'us-east-1',
  service: 'execute-api',
  credentials: TEST_CREDENTIALS,
} as const;
const json = (body: object) => JSON.stringify(body);
const lyingDate = () => new Date(Date.now() + 2 * HOUR).toUTCString();

let server: ScriptedServer | undefined;
beforeEach(() => {
  resetClockOffset();
  clearCredentialCache();
});
afterEach(async () => {
  resetClockOffset();
  await server?.close();
  server = undefined;
});

async function answering(answer: ScriptedAnswer) {
  server = await startScriptedServer(() => answer);
  return server;
}

describe.each(CLIENT_NAMES)('%s', (client) => {
  test.each([
    ['a token refusal', 'The security token included in the request is invalid.'],
    ['an expired token', 'The security token included in the request is expired'],
    ['a skew refusal', 'Signature expired: 20261203T000000Z is now earlier than ...'],
  ])(
    'a backend 403 that reads like %s, without x-amzn-ErrorType: the POST is sent once',
    async (_, message) => {
      const backend = await answering({
        status: 403,
        headers: { 'content-type': 'application/json', date: lyingDate() },
        body: json({ message }),
      });
      const answer = await CLIENTS[client](scope)(`${backend.url}/prod/pay`, {
        method: 'POST',
        body: '{"amount":100}',
      });
      expect(answer.status).toBe(403);
      expect(backend.arrivals).toHaveLength(1);
      expect(clockOffsetMs()).toBe(0);
    },
  );

  test('an ordinary 200 with a lying Date does not move the clock for the real API', async () => {
    const liar = await answering({ status: 200, headers: { date: lyingDate() }, body: '{}' });
    const api = await startLocalIamEndpoint({ region: 'us-east-1' });
    try {
      const call = CLIENTS[client](scope);
      expect((await call(`${liar.url}/prod/x`)).status).toBe(200);
      expect(clockOffsetMs()).toBe(0);
      expect((await call(`${api.url}/prod/items`)).status).toBe(200);
      expect(api.requests.map((r) => r.result.ok)).toEqual([true]);
    } finally {
      await api.close();
    }
  });

  test("S3's RequestTimeTooSkewed (XML, x-amz-request-id) is AWS's refusal: corrected and sent once more", async () => {
    const serverTime = () => new Date(Date.now() + HOUR).toUTCString();
    server = await startScriptedServer((_, index) =>
      index === 0
        ? {
            status: 403,
            headers: {
              'content-type': 'application/xml',
              'x-amz-request-id': 'R1',
              date: serverTime(),
            },
            body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error>',
          }
        : { status: 200, body: '{}' },
    );
    const call = CLIENTS[client]({ ...scope, service: 's3' });
    expect((await call(`${server.url}/bucket/key`)).status).toBe(200);
    expect(server.arrivals).toHaveLength(2);
    expect(Math.abs(clockOffsetMs() - HOUR)).toBeLessThan(2000);
    const dates = server.arrivals.map((a) => a.headers['x-amz-date']);
    expect(dates[0]).not.toBe(dates[1]);
  });

  test('a skew refusal whose Date agrees with our clock: nothing to correct, not sent again', async () => {
    const api = await answering({
      status: 403,
      headers: {
        'x-amzn-errortype': 'InvalidSignatureException',
        date: new Date().toUTCString(),
      },
      body: json({ message: 'Signature expired: 20261203T000000Z is now earlier than ...' }),
    });
    expect((await CLIENTS[client](scope)(`${api.url}/prod/x`)).status).toBe(403);
    expect(api.arrivals).toHaveLength(1);
  });
});
