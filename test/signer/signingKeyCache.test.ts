/**
 * Derived signing keys are cached per credentials object, day, region and service. One identity
 * signing for several services, regions and days in one process must still match aws4 every
 * time (a cache keyed too coarsely signs with another service's key).
 */
import { createSigner } from 'aws-sigv4-interceptor';
import { aws4Authorization } from '../support/aws4Oracle';

const credentials = {
  accessKeyId: 'AKIDKEYCACHE00000001',
  secretAccessKey: 'key/cache/secret+one',
  sessionToken: 'key-cache-token',
};

afterEach(() => jest.useRealTimers());

test('one identity, several services, regions and days: each signature matches aws4', async () => {
  const days = ['2026-11-22T23:59:58Z', '2026-11-23T00:00:01Z'];
  const scopes = [
    ['execute-api', 'eu-west-1'],
    ['s3', 'eu-west-1'],
    ['lambda', 'eu-west-1'],
    ['execute-api', 'us-east-1'],
  ] as const;
  for (const day of days) {
    jest.useFakeTimers({ now: new Date(day) });
    for (const [service, region] of scopes) {
      const url = `https://h.example/a?b=c`;
      const signer = createSigner({ region, service, credentials });
      const { authorization } = await signer.sign({ method: 'GET', url });
      // S3 signs the payload hash header (of the empty body) as well.
      const oracleHeaders: Record<string, string> =
        service === 's3'
          ? {
              'X-Amz-Content-Sha256':
                'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
            }
          : {};
      expect(authorization).toBe(
        aws4Authorization({
          method: 'GET',
          url,
          headers: oracleHeaders,
          service,
          region,
          credentials,
        }),
      );
    }
  }
});
