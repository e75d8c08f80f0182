/**
 * An ISO string `expiration`, as some sources write it, is taken as the date it is (unusable
 * answers are in cache.test.ts).
 */
import { clearCredentialCache, createSigner } from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';

beforeEach(() => clearCredentialCache());

const request = { method: 'GET', url: 'https://api.example.com/prod/x' };

function counting(answer: unknown) {
  let calls = 0;
  return {
    provider: async () => {
      calls++;
      return answer as typeof TEST_CREDENTIALS;
    },
    calls: () => calls,
  };
}

const signerWith = (provider: () => Promise<typeof TEST_CREDENTIALS>) =>
  createSigner({ region: 'us-east-1', service: 'execute-api', credentials: provider });

test('an ISO string expiration is a date: cached until it nears, then refreshed', async () => {
  const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
  const { provider, calls } = counting({ ...TEST_CREDENTIALS, expiration: inAnHour });
  const signer = signerWith(provider);
  await signer.sign(request);
  await signer.sign(request);
  expect(calls()).toBe(1);
  const soon = new Date(Date.now() + 60_000).toISOString();
  const nearing = counting({ ...TEST_CREDENTIALS, expiration: soon });
  const other = signerWith(nearing.provider);
  await other.sign(request);
  await other.sign(request);
  expect(nearing.calls()).toBe(2); // within the 5-minute margin: asked again
});
