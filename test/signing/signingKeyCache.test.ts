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

test('a secret rotated in place on the same credentials object signs with the new secret', async () => {
  jest.useFakeTimers({ now: new Date('2026-11-22T10:00:00Z') });
  const rotating = { accessKeyId: 'AKIDKEYCACHE00000002', secretAccessKey: 'first/secret' };
  const signer = createSigner({
    region: 'eu-west-1',
    service: 'execute-api',
    credentials: rotating,
  });
  const url = 'https://h.example/rotate';
  const expected = () =>
    aws4Authorization({
      method: 'GET',
      url,
      headers: {},
      service: 'execute-api',
      region: 'eu-west-1',
      credentials: { ...rotating },
    });
  expect((await signer.sign({ method: 'GET', url })).authorization).toBe(expected());
  rotating.secretAccessKey = 'second/secret';
  expect((await signer.sign({ method: 'GET', url })).authorization).toBe(expected());
  rotating.secretAccessKey = 'first/secret';
  expect((await signer.sign({ method: 'GET', url })).authorization).toBe(expected());
});

test('two identities with one access key id and different secrets never share a key', async () => {
  jest.useFakeTimers({ now: new Date('2026-11-22T10:00:00Z') });
  const url = 'https://h.example/pair';
  for (const secretAccessKey of ['pair/secret/a', 'pair/secret/b', 'pair/secret/a']) {
    const credentials = { accessKeyId: 'AKIDKEYCACHE00000003', secretAccessKey };
    const { authorization } = await createSigner({
      region: 'us-east-1',
      service: 'lambda',
      credentials,
    }).sign({ method: 'GET', url });
    expect(authorization).toBe(
      aws4Authorization({
        method: 'GET',
        url,
        headers: {},
        service: 'lambda',
        region: 'us-east-1',
        credentials,
      }),
    );
  }
});
