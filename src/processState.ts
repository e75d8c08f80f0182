/**
 * The state this package keeps for the whole process, in one place that every copy of it
 * shares: the ESM and CommonJS builds loaded side by side (a CJS app with an ESM dependency),
 * or two installs of this version. Without it, each copy would resolve the same credentials
 * again, keep its own clock correction, and `clearCredentialCache()` or `afterSnapshotRestore()`
 * through one copy would leave the other's SnapStart credentials live. Created on first use,
 * never at import.
 */
import type { CacheEntry } from './credentials/credentials';
import type { SigningMemo } from './diagnosis/signingRecords';
import type { AwsCredentialProvider } from './types';

/** Everything process-wide. @internal */
export interface ProcessState {
  /** The credential cache, keyed by provider; replaced whole to clear it. */
  credentials: WeakMap<AwsCredentialProvider, CacheEntry>;
  /** Server time minus local time, learned from AWS's skew refusals. */
  clockOffsetMs: number;
  /** The SDK's default chain, created on first use (and its memoized credentials with it). */
  defaultChain?: Promise<AwsCredentialProvider>;
  /** The default chain's provider: one function, so every copy shares its cache entry. */
  defaultProvider?: AwsCredentialProvider;
  /** `assumeRole` providers by base identity and settings, least recently used first. */
  readonly assumedRoles: Map<string, AwsCredentialProvider>;
  /** A number for each provider function used as the base of a role, for the keys above. */
  readonly providerIds: WeakMap<AwsCredentialProvider, number>;
  /** The number the next such provider gets. */
  nextProviderId: number;
  /** What was signed (or why not) for each answer, for `diagnose`. */
  readonly signingRecords: WeakMap<object, SigningMemo>;
}

/** Versioned: a future copy with another shape of state takes another key. */
const STATE = Symbol.for('aws-sigv4-interceptor.shared-state.v1');

/** The process-wide state, created by whichever copy asks first. @internal */
export function processState(): ProcessState {
  const holder = globalThis as { [STATE]?: ProcessState };
  return (holder[STATE] ??= {
    credentials: new WeakMap(),
    clockOffsetMs: 0,
    assumedRoles: new Map(),
    providerIds: new WeakMap(),
    nextProviderId: 0,
    signingRecords: new WeakMap(),
  });
}
