/**
 * Helpers of the credential-cache tests: providers written the way users write them (plain async
 * functions) that count their calls, and readers for what a signature says about its key.
 */
import type { AwsCredentialIdentity, SigningHeaders } from 'aws-sigv4-interceptor';

/** A request every signer of these tests can sign (explicit scope or inferable host). */
export const REQUEST = {
  method: 'GET',
  url: 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/items?limit=1',
} as const;

export const SCOPE = { region: 'us-east-1', service: 'execute-api' } as const;

export const MINUTE = 60 * 1000;

/** Distinctive secret parts: a leak anywhere is found by a substring search. */
export const secretOf = (call: number) => `CacheTest/Secret+Key/Call${call}/xyzzy7777`;
export const tokenOf = (call: number) => `CacheTestSessionToken//Call${call}+plugh8888==`;
export const keyIdOf = (call: number) => `ASIACACHETEST${String(call).padStart(7, '0')}`;

/** Temporary credentials for the n-th resolution (1-based). */
export function credentialsOf(call: number, expiration?: Date): AwsCredentialIdentity {
  return {
    accessKeyId: keyIdOf(call),
    secretAccessKey: secretOf(call),
    sessionToken: tokenOf(call),
    ...(expiration && { expiration }),
  };
}

export interface CountingProvider {
  /** The provider to pass as `credentials`; one function object, so one cache entry. */
  readonly provider: () => Promise<AwsCredentialIdentity>;
  /** How many times the provider was called. */
  calls(): number;
}

/**
 * A provider that answers the n-th call with `answer(n)` (a value, or a thrown error) after a real
 * macrotask, so that concurrent callers really overlap while it runs.
 */
export function countingProvider(
  answer: (call: number) => AwsCredentialIdentity | Error,
): CountingProvider {
  let calls = 0;
  return {
    provider: async () => {
      calls += 1;
      const call = calls;
      await new Promise<void>((resolve) => setImmediate(resolve));
      const result = answer(call);
      if (result instanceof Error) throw result;
      return result;
    },
    calls: () => calls,
  };
}

/** The access key id in the `Credential=` part of an Authorization header. */
export function signingKeyId(headers: SigningHeaders): string {
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\//.exec(headers.authorization);
  if (!match) throw new Error(`not a SigV4 authorization header: ${headers.authorization}`);
  return match[1];
}

/** `yyyymmddThhmmssZ` for a Date, as in x-amz-date. */
export const amzDate = (date: Date) => date.toISOString().replace(/[-:]|\.\d{3}/g, '');
