/**
 * A request refused because the security token is invalid or expired drops the cached
 * credentials, resolves once more and is signed and sent exactly once more. Other refusals are
 * returned as they are.
 */
import type { AwsCredentialIdentity } from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { CLIENT_NAMES, CLIENTS } from '../../support/clients';
import { freshEndpoint } from '../../support/freshEndpoint';

/** Keys the endpoint does not know: it answers UnrecognizedClientException. */
const REVOKED: AwsCredentialIdentity = {
  accessKeyId: 'ASIAREVOKED000000001',
  secretAccessKey: 'revoked/Secret+Key/NotKnownToTheEndpoint',
  sessionToken: 'RevokedSessionToken//NotKnown==',
};

/** A provider whose n-th answer is `answers[n - 1]` (the last one repeats), counting calls. */
function scriptedProvider(...answers: AwsCredentialIdentity[]) {
  let calls = 0;
  return {
    provider: async () => answers[Math.min(calls++, answers.length - 1)],
    calls: () => calls,
  };
}

const endpoint = freshEndpoint({ region: 'us-east-1' });

const scope = { region: 'us-east-1', service: 'execute-api' } as const;

describe.each(CLIENT_NAMES)('%s', (client) => {
  test('an invalid token: credentials resolved again, request signed and sent once more', async () => {
    const { provider, calls } = scriptedProvider(REVOKED, TEST_CREDENTIALS);
    const call = CLIENTS[client]({ ...scope, credentials: provider });
    const answer = await call(`${endpoint.url}/prod/items`, { method: 'POST', body: '{"a":1}' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ message: 'verified', bodyLength: 7 });
    expect(calls()).toBe(2);
    expect(endpoint.requests.map((r) => r.result.ok)).toEqual([false, true]);
  });

  test('20 concurrent refusals cause one new resolution', async () => {
    const { provider, calls } = scriptedProvider(REVOKED, TEST_CREDENTIALS);
    const call = CLIENTS[client]({ ...scope, credentials: provider });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(`${endpoint.url}/prod/items/${i}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(calls()).toBe(2);
    expect(endpoint.requests).toHaveLength(40);
  });

  test('still refused after the retry: the refusal is returned, no third attempt', async () => {
    const { provider, calls } = scriptedProvider(REVOKED, {
      ...REVOKED,
      accessKeyId: 'ASIAREVOKED000000002',
    });
    const call = CLIENTS[client]({ ...scope, credentials: provider });
    const answer = await call(`${endpoint.url}/prod/items`);
    expect(answer.status).toBe(403);
    expect(answer.headers['x-amzn-errortype']).toMatch(/^UnrecognizedClientException/);
    expect(endpoint.requests).toHaveLength(2);
    expect(calls()).toBe(2);
  });

  test('the same keys again after a refusal: not sent a second time', async () => {
    const { provider, calls } = scriptedProvider(REVOKED);
    const call = CLIENTS[client]({ ...scope, credentials: provider });
    const answer = await call(`${endpoint.url}/prod/items`, { method: 'POST', body: 'once' });
    expect(answer.status).toBe(403);
    expect(endpoint.requests).toHaveLength(1);
    expect(calls()).toBe(2);
  });

  test('a persistently refused key is resolved afresh at most once per 10 s, not per request', async () => {
    const { provider, calls } = scriptedProvider(REVOKED);
    const call = CLIENTS[client]({ ...scope, credentials: provider });
    for (let i = 0; i < 5; i++) {
      expect((await call(`${endpoint.url}/prod/items/${i}`)).status).toBe(403);
    }
    expect(endpoint.requests).toHaveLength(5);
    expect(calls()).toBe(2);
  });

  test('a refusal a new signature cannot cure (wrong region) is not retried', async () => {
    const { provider, calls } = scriptedProvider(TEST_CREDENTIALS);
    const call = CLIENTS[client]({
      region: 'eu-west-1',
      service: 'execute-api',
      credentials: provider,
    });
    const answer = await call(`${endpoint.url}/prod/items`);
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).toMatch(/Credential should be scoped to a valid region/);
    expect(endpoint.requests).toHaveLength(1);
    expect(calls()).toBe(1);
  });
});
