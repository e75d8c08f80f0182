/**
 * The process-wide credential cache, seen through the public API: createSigner + sign with a
 * user-written provider that counts its calls. One resolution for many concurrent signs, shared
 * by signers created per invocation, keyed by the provider function, failures never cached.
 */
import {
  clearCredentialCache,
  createSigner,
  isSigV4Error,
  SigV4CredentialsError,
  type AwsCredentialIdentity,
} from 'aws-sigv4-interceptor';
import { leaksOf } from '../errors/support';
import {
  countingProvider,
  credentialsOf,
  keyIdOf,
  REQUEST,
  SCOPE,
  secretOf,
  signingKeyId,
  tokenOf,
} from './support';

beforeEach(() => clearCredentialCache());
afterAll(() => clearCredentialCache());

const signWith = (provider: () => Promise<AwsCredentialIdentity>) =>
  createSigner({ ...SCOPE, credentials: provider }).sign(REQUEST);

describe('single flight and warm invocations', () => {
  test('1000 concurrent signs at cold start resolve once; 100 warm invocations add none', async () => {
    const { provider, calls } = countingProvider((call) => credentialsOf(call));
    const signer = createSigner({ ...SCOPE, credentials: provider });

    const cold = await Promise.all(Array.from({ length: 1000 }, () => signer.sign(REQUEST)));
    expect(calls()).toBe(1);
    expect(new Set(cold.map(signingKeyId))).toEqual(new Set([keyIdOf(1)]));
    expect(cold.every((headers) => headers['x-amz-security-token'] === tokenOf(1))).toBe(true);

    // A Lambda handler that builds its signer on every invocation, with the same provider.
    for (let invocation = 0; invocation < 100; invocation += 1) {
      const headers = await signWith(provider);
      expect(signingKeyId(headers)).toBe(keyIdOf(1));
    }
    expect(calls()).toBe(1);
  });

  test('the cache is shared between signers of different scopes', async () => {
    const { provider, calls } = countingProvider((call) => credentialsOf(call));
    await createSigner({ region: 'eu-west-1', service: 'lambda', credentials: provider }).sign(
      REQUEST,
    );
    await createSigner({ credentials: provider }).sign(REQUEST); // inferred scope
    expect(calls()).toBe(1);
  });

  test('two different provider functions never share an entry, even with the same code', async () => {
    const make = (id: string) => async () => ({
      accessKeyId: `ASIA${id}`,
      secretAccessKey: secretOf(0),
    });
    const a = make('PROVIDERA');
    const b = make('PROVIDERB');
    const [signedA, signedB] = await Promise.all([signWith(a), signWith(b)]);
    expect(signingKeyId(signedA)).toBe('ASIAPROVIDERA');
    expect(signingKeyId(signedB)).toBe('ASIAPROVIDERB');

    const first = countingProvider((call) => credentialsOf(call));
    const second = countingProvider((call) => credentialsOf(100 + call));
    expect(signingKeyId(await signWith(first.provider))).toBe(keyIdOf(1));
    expect(signingKeyId(await signWith(second.provider))).toBe(keyIdOf(101));
    expect(signingKeyId(await signWith(first.provider))).toBe(keyIdOf(1));
    expect([first.calls(), second.calls()]).toEqual([1, 1]);
  });

  test('clearCredentialCache() forces exactly one new resolution', async () => {
    const { provider, calls } = countingProvider((call) => credentialsOf(call));
    expect(signingKeyId(await signWith(provider))).toBe(keyIdOf(1));
    expect(calls()).toBe(1);

    clearCredentialCache();
    const after = await Promise.all(Array.from({ length: 20 }, () => signWith(provider)));
    expect(calls()).toBe(2);
    expect(new Set(after.map(signingKeyId))).toEqual(new Set([keyIdOf(2)]));
    expect(signingKeyId(await signWith(provider))).toBe(keyIdOf(2));
    expect(calls()).toBe(2);
  });
});

describe('failures are not cached', () => {
  test('a rejecting provider: typed error naming the source; the next sign tries again', async () => {
    const cause = new Error('STS is unavailable');
    const { provider, calls } = countingProvider((call) =>
      call === 1 ? cause : credentialsOf(call),
    );
    const error = await signWith(provider).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigV4CredentialsError);
    expect(isSigV4Error(error)).toBe(true);
    expect(error).toMatchObject({ name: 'SigV4CredentialsError', code: 'NO_CREDENTIALS' });
    // A sanitized copy of the same class: no `$response` or other request details ride along.
    expect((error as Error).cause).toBeInstanceOf(cause.constructor);
    expect((error as Error).cause).toMatchObject({ name: cause.name, message: cause.message });
    expect((error as Error).message).toMatch(
      /^Could not resolve AWS credentials from the `credentials` option: GET https:\/\/a1b2c3d4e5\.execute-api\.us-east-1\.amazonaws\.com\/prod\/items\?limit=1 - check the provider/,
    );

    expect(signingKeyId(await signWith(provider))).toBe(keyIdOf(2));
    expect(calls()).toBe(2);
  });

  test('concurrent signs share one failing resolution, then retry once together', async () => {
    const { provider, calls } = countingProvider((call) =>
      call === 1 ? new Error('throttled') : credentialsOf(call),
    );
    const signer = createSigner({ ...SCOPE, credentials: provider });
    const failed = await Promise.allSettled(Array.from({ length: 50 }, () => signer.sign(REQUEST)));
    expect(failed.every((result) => result.status === 'rejected')).toBe(true);
    expect(calls()).toBe(1);

    const retried = await Promise.all(Array.from({ length: 50 }, () => signer.sign(REQUEST)));
    expect(calls()).toBe(2);
    expect(new Set(retried.map(signingKeyId))).toEqual(new Set([keyIdOf(2)]));
  });

  test('a provider that throws synchronously (not an async function) is retried', async () => {
    let calls = 0;
    const provider = (() => {
      calls += 1;
      if (calls === 1) throw new Error('token file not there yet');
      return Promise.resolve(credentialsOf(calls));
    }) as () => Promise<AwsCredentialIdentity>;
    const error = await signWith(provider).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SigV4CredentialsError', code: 'NO_CREDENTIALS' });
    expect(signingKeyId(await signWith(provider))).toBe(keyIdOf(2));
    expect(calls).toBe(2);
  });
});

describe('unusable credentials from a provider', () => {
  const UNUSABLE: Array<{ name: string; value: (call: number) => unknown; reason: RegExp }> = [
    {
      name: 'already expired',
      value: (call) => credentialsOf(call, new Date(Date.now() - 1000)),
      reason: /expired at \d{4}-\d\d-\d\dT/,
    },
    {
      name: 'expiring right now',
      value: (call) => credentialsOf(call, new Date(Date.now())),
      reason: /expired at/,
    },
    { name: 'an object without keys', value: () => ({}), reason: /returned no `accessKeyId`/ },
    {
      name: 'a key id without a secret',
      value: (call) => ({ accessKeyId: keyIdOf(call), sessionToken: tokenOf(call) }),
      reason: /returned no `secretAccessKey`/,
    },
    { name: 'undefined', value: () => undefined, reason: /returned no `accessKeyId`/ },
    {
      name: 'an empty accessKeyId',
      value: (call) => ({ ...credentialsOf(call), accessKeyId: '' }),
      reason: /returned no `accessKeyId`/,
    },
    {
      name: 'a number as sessionToken',
      value: (call) => ({ ...credentialsOf(call), sessionToken: 7 }),
      reason: /a `sessionToken` that is not a non-empty string/,
    },
    {
      name: 'an Invalid Date expiration (would be cached for ever)',
      value: (call) => credentialsOf(call, new Date('soon')),
      reason: /an `expiration` that is not a valid date/,
    },
    {
      name: 'an expiration string that is no date',
      value: (call) => ({ ...credentialsOf(call), expiration: 'tomorrow' }),
      reason: /an `expiration` that is not a valid date/,
    },
  ];

  test.each(UNUSABLE)(
    '$name → SigV4CredentialsError, nothing signed, next call retries',
    async ({ value, reason }) => {
      const { provider, calls } = countingProvider(
        (call) => (call === 1 ? value(call) : credentialsOf(call)) as AwsCredentialIdentity,
      );
      const error = await signWith(provider).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SigV4CredentialsError);
      expect(error).toMatchObject({ code: 'NO_CREDENTIALS' });
      expect((error as Error).message).toMatch(/the `credentials` option/);
      expect((error as Error).message).toMatch(reason);
      expect(leaksOf(error, [secretOf(1), tokenOf(1)])).toEqual([]);

      // An unusable answer is a failure: it must not be served from the cache.
      expect(signingKeyId(await signWith(provider))).toBe(keyIdOf(2));
      expect(calls()).toBe(2);
    },
  );
});
