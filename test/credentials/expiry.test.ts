/**
 * Expiring credentials under jest's fake clock: served until `expiration - refreshMarginMs`,
 * refreshed exactly once (however many signs are waiting) from that moment, a failed refresh
 * keeps still-valid credentials serving and is retried, and expired keys are never used to sign.
 * Signers are created after the fake clock is installed, as an application would be.
 */
import {
  clearCredentialCache,
  createSigner,
  SigV4CredentialsError,
  type Signer,
} from 'aws-sigv4-interceptor';
import { leaksOf } from '../errors/support';
import {
  amzDate,
  countingProvider,
  credentialsOf,
  keyIdOf,
  MINUTE,
  REQUEST,
  SCOPE,
  secretOf,
  signingKeyId,
  tokenOf,
} from './support';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const LIFETIME = 60 * MINUTE;
const DEFAULT_MARGIN = 5 * MINUTE;

beforeEach(() => {
  // Promises and setImmediate stay real: the providers await a real macrotask.
  jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  clearCredentialCache();
});
afterEach(() => {
  jest.useRealTimers();
  clearCredentialCache();
});

/** Each resolution returns fresh credentials that expire LIFETIME after the (fake) now. */
const expiringProvider = () =>
  countingProvider((call) => credentialsOf(call, new Date(Date.now() + LIFETIME)));

const keysOf = async (signer: Signer, count: number) =>
  (await Promise.all(Array.from({ length: count }, () => signer.sign(REQUEST)))).map(signingKeyId);

describe('refresh before expiry (default margin: 5 minutes)', () => {
  test('no refresh before expiration - margin; exactly one refresh for 50 concurrent signs after', async () => {
    const { provider, calls } = expiringProvider();
    const signer = createSigner({ ...SCOPE, credentials: provider });
    const expiration = T0 + LIFETIME;

    const first = await signer.sign(REQUEST);
    expect(signingKeyId(first)).toBe(keyIdOf(1));
    expect(first['x-amz-date']).toBe(amzDate(new Date(T0))); // the fake clock drives signing

    for (const at of [T0 + MINUTE, T0 + 30 * MINUTE, expiration - DEFAULT_MARGIN - 1]) {
      jest.setSystemTime(at);
      expect(await keysOf(signer, 5)).toEqual(Array(5).fill(keyIdOf(1)));
    }
    expect(calls()).toBe(1);

    jest.setSystemTime(expiration - DEFAULT_MARGIN);
    const refreshed = await Promise.all(Array.from({ length: 50 }, () => signer.sign(REQUEST)));
    expect(calls()).toBe(2);
    expect(new Set(refreshed.map(signingKeyId))).toEqual(new Set([keyIdOf(2)]));
    expect(new Set(refreshed.map((h) => h['x-amz-security-token']))).toEqual(new Set([tokenOf(2)]));
    expect(refreshed[0]['x-amz-date']).toBe(amzDate(new Date(expiration - DEFAULT_MARGIN)));

    // The new credentials are now cached for their own lifetime.
    jest.setSystemTime(expiration + 10 * MINUTE);
    expect(await keysOf(signer, 10)).toEqual(Array(10).fill(keyIdOf(2)));
    expect(calls()).toBe(2);
  });

  test('signers created per invocation share the refreshed entry', async () => {
    const { provider, calls } = expiringProvider();
    const invoke = () => createSigner({ ...SCOPE, credentials: provider }).sign(REQUEST);
    expect(signingKeyId(await invoke())).toBe(keyIdOf(1));
    jest.setSystemTime(T0 + LIFETIME - MINUTE);
    const keys = await Promise.all(
      Array.from({ length: 30 }, async () => signingKeyId(await invoke())),
    );
    expect(new Set(keys)).toEqual(new Set([keyIdOf(2)]));
    expect(calls()).toBe(2);
  });
});

describe('custom refreshMarginMs', () => {
  test.each([{ margin: 60 * 1000 }, { margin: 15 * MINUTE }, { margin: 1 }])(
    'margin $margin ms: the boundary is expiration - margin',
    async ({ margin }) => {
      const { provider, calls } = expiringProvider();
      const signer = createSigner({ ...SCOPE, credentials: provider, refreshMarginMs: margin });
      const expiration = T0 + LIFETIME;
      await signer.sign(REQUEST);

      jest.setSystemTime(expiration - margin - 1);
      expect(await keysOf(signer, 3)).toEqual(Array(3).fill(keyIdOf(1)));
      expect(calls()).toBe(1);

      jest.setSystemTime(expiration - margin);
      expect(await keysOf(signer, 3)).toEqual(Array(3).fill(keyIdOf(2)));
      expect(calls()).toBe(2);
    },
  );

  test('the default margin point does not refresh with a 1-minute margin', async () => {
    const { provider, calls } = expiringProvider();
    const signer = createSigner({ ...SCOPE, credentials: provider, refreshMarginMs: MINUTE });
    await signer.sign(REQUEST);
    jest.setSystemTime(T0 + LIFETIME - DEFAULT_MARGIN);
    expect(signingKeyId(await signer.sign(REQUEST))).toBe(keyIdOf(1));
    expect(calls()).toBe(1);
  });

  test('margin 0: served up to the last millisecond, never at expiration', async () => {
    const { provider, calls } = expiringProvider();
    const signer = createSigner({ ...SCOPE, credentials: provider, refreshMarginMs: 0 });
    await signer.sign(REQUEST);
    jest.setSystemTime(T0 + LIFETIME - 1);
    expect(signingKeyId(await signer.sign(REQUEST))).toBe(keyIdOf(1));
    jest.setSystemTime(T0 + LIFETIME);
    expect(signingKeyId(await signer.sign(REQUEST))).toBe(keyIdOf(2));
    expect(calls()).toBe(2);
  });
});

describe('never signs with expired keys', () => {
  test('a long sleep past expiration: the first sign after it resolves new keys', async () => {
    const { provider, calls } = expiringProvider();
    const signer = createSigner({ ...SCOPE, credentials: provider, refreshMarginMs: 0 });
    await signer.sign(REQUEST);
    jest.setSystemTime(T0 + 5 * LIFETIME); // a frozen Lambda environment thawed hours later
    const keys = await keysOf(signer, 20);
    expect(keys).toEqual(Array(20).fill(keyIdOf(2)));
    expect(calls()).toBe(2);
  });

  test('a refresh that returns credentials already expired is an error, not a signature', async () => {
    const { provider, calls } = countingProvider((call) =>
      call === 1
        ? credentialsOf(call, new Date(Date.now() + LIFETIME))
        : credentialsOf(call, new Date(Date.now() - 1)),
    );
    const signer = createSigner({ ...SCOPE, credentials: provider });
    await signer.sign(REQUEST);
    jest.setSystemTime(T0 + LIFETIME + 1);
    const error = await signer.sign(REQUEST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigV4CredentialsError);
    expect((error as Error).message).toMatch(/returned credentials that expired at/);
    expect(calls()).toBe(2);
  });
});

describe('a failing refresh', () => {
  test('old credentials serve while valid, the failure is retried, expired → NO_CREDENTIALS', async () => {
    const failures = new Set([2, 3, 4, 5]);
    const { provider, calls } = countingProvider((call) =>
      failures.has(call)
        ? new Error(`STS unavailable (attempt ${call})`)
        : credentialsOf(call, new Date(Date.now() + LIFETIME)),
    );
    const signer = createSigner({ ...SCOPE, credentials: provider });
    const expiration = T0 + LIFETIME;
    expect(signingKeyId(await signer.sign(REQUEST))).toBe(keyIdOf(1));

    // Inside the margin, not expired: the refresh fails, the old keys still sign.
    jest.setSystemTime(expiration - 2 * MINUTE);
    expect(signingKeyId(await signer.sign(REQUEST))).toBe(keyIdOf(1));
    expect(calls()).toBe(2);

    // Not cached, but paced: within 10 s the provider is not asked again on every request...
    expect(await keysOf(signer, 20)).toEqual(Array(20).fill(keyIdOf(1)));
    expect(calls()).toBe(2);
    // ...after 10 s it is tried again, and concurrent signs share that one attempt.
    jest.setSystemTime(expiration - 2 * MINUTE + 10_000);
    expect(await keysOf(signer, 20)).toEqual(Array(20).fill(keyIdOf(1)));
    expect(calls()).toBe(3);

    // One millisecond before expiry the old keys are still served.
    jest.setSystemTime(expiration - 1);
    expect(signingKeyId(await signer.sign(REQUEST))).toBe(keyIdOf(1));
    expect(calls()).toBe(4);

    // Really expired and the refresh still fails: a typed error, not a signature.
    jest.setSystemTime(expiration);
    const error = await signer.sign(REQUEST).catch((e: unknown) => e);
    expect(calls()).toBe(5);
    expect(error).toBeInstanceOf(SigV4CredentialsError);
    expect(error).toMatchObject({ name: 'SigV4CredentialsError', code: 'NO_CREDENTIALS' });
    expect((error as Error).message).toMatch(
      /^Could not resolve AWS credentials from the `credentials` option: GET https:\/\/.+ - check the provider passed as `credentials`/,
    );
    expect(((error as Error).cause as Error).message).toBe('STS unavailable (attempt 5)');
    expect(leaksOf(error, [secretOf(1), tokenOf(1)])).toEqual([]);

    // The provider recovers: the very next sign gets new keys.
    expect(signingKeyId(await signer.sign(REQUEST))).toBe(keyIdOf(6));
    expect(calls()).toBe(6);
  });
});

describe('a signer created before the fake clock is installed', () => {
  test('follows the clock of the moment it signs (as an app signer built at import would)', async () => {
    jest.useRealTimers();
    const { provider, calls } = countingProvider((call) =>
      credentialsOf(call, new Date(Date.now() + LIFETIME)),
    );
    const signer = createSigner({ ...SCOPE, credentials: provider }); // real clock still
    jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });

    expect(signingKeyId(await signer.sign(REQUEST))).toBe(keyIdOf(1));
    jest.setSystemTime(T0 + LIFETIME);
    const after = await signer.sign(REQUEST);
    expect(after['x-amz-date']).toBe(amzDate(new Date(T0 + LIFETIME)));
    expect(signingKeyId(after)).toBe(keyIdOf(2));
    expect(calls()).toBe(2);
  });
});
