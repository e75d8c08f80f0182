/**
 * Clock skew (DOMAIN.md §8): the offset is learned from the `Date` header; a request refused
 * for skew is signed at the corrected time and sent exactly once more; later requests are signed
 * at the corrected time from the start.
 */
import { TEST_CREDENTIALS, startLocalIamEndpoint } from 'aws-sigv4-interceptor/testing';
import { clockOffsetMs, resetClockOffset } from '../../../src/exchange/clock';
import { CLIENT_NAMES, CLIENTS } from '../../support/clients';

const HOUR = 60 * 60 * 1000;
const options = { region: 'us-east-1', service: 'execute-api', credentials: TEST_CREDENTIALS };

beforeEach(() => resetClockOffset());
afterAll(() => resetClockOffset());

describe.each(CLIENT_NAMES)('%s', (client) => {
  test.each([
    ['an hour ahead', HOUR, /^Signature expired/],
    ['an hour behind', -HOUR, /^Signature not yet current/],
  ])('server clock %s: one refusal, one retry, then signed right', async (_, offset, refusal) => {
    const endpoint = await startLocalIamEndpoint({ now: () => new Date(Date.now() + offset) });
    try {
      const call = CLIENTS[client](options);
      expect((await call(`${endpoint.url}/prod/a`)).status).toBe(200);
      expect(endpoint.requests).toHaveLength(2);
      const first = endpoint.requests[0].result;
      expect(first.ok ? '' : first.message).toMatch(refusal);
      expect(Math.abs(clockOffsetMs() - offset)).toBeLessThan(2000);

      expect((await call(`${endpoint.url}/prod/b`)).status).toBe(200);
      expect(endpoint.requests).toHaveLength(3);
    } finally {
      await endpoint.close();
    }
  });

  test('a server whose clock keeps jumping gets exactly one retry', async () => {
    let answers = 0;
    const jumping = () => new Date(Date.now() + (answers++ % 2 === 0 ? HOUR : -HOUR));
    const endpoint = await startLocalIamEndpoint({ now: jumping });
    try {
      const answer = await CLIENTS[client](options)(`${endpoint.url}/prod/a`);
      expect(answer.status).toBe(403);
      expect(endpoint.requests).toHaveLength(2);
    } finally {
      await endpoint.close();
    }
  });

  test('a skew under 5 minutes is accepted and not corrected', async () => {
    const endpoint = await startLocalIamEndpoint({ now: () => new Date(Date.now() + 120_000) });
    try {
      expect((await CLIENTS[client](options)(`${endpoint.url}/prod/a`)).status).toBe(200);
      expect(endpoint.requests).toHaveLength(1);
      expect(clockOffsetMs()).toBe(0);
    } finally {
      await endpoint.close();
    }
  });
});
