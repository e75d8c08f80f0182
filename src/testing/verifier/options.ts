import { DEFAULT_MAX_SKEW_MS, DEFAULT_REGION, DEFAULT_SERVICE } from '../constants';
import { TEST_CREDENTIALS } from '../credentials';
import type { TestIdentity, VerifyOptions } from '../types';

/** {@link VerifyOptions} with every default applied. @internal */
export interface ResolvedVerifyOptions {
  region: string;
  service: string;
  credentials: readonly TestIdentity[];
  /** The server clock: `options.now()` moved by `clockOffsetMs`. */
  now: () => Date;
  maxSkewMs: number;
  uriEscapePath: boolean;
  isRevoked: (identity: Readonly<TestIdentity>) => boolean;
}

/** A list is kept by reference, so that a test can revoke during its run. */
function revokedPredicate(revoked: VerifyOptions['revoked']): ResolvedVerifyOptions['isRevoked'] {
  if (revoked === undefined) return () => false;
  if (typeof revoked === 'function') return revoked;
  if (!Array.isArray(revoked) || !revoked.every((id) => typeof id === 'string' && id !== '')) {
    throw new TypeError(
      'revoked must be a list of access key ids or a function (identity) => boolean',
    );
  }
  return (identity) => revoked.includes(identity.accessKeyId);
}

function checkExpirations(credentials: readonly TestIdentity[]): void {
  for (const { accessKeyId, expiration } of credentials) {
    if (expiration === undefined) continue;
    if (!(expiration instanceof Date) || Number.isNaN(expiration.getTime())) {
      throw new TypeError(`credentials: the expiration of ${accessKeyId} must be a valid Date`);
    }
  }
}

/** Applies the defaults once and rejects values that would make every check meaningless. @internal */
export function resolveVerifyOptions(options: VerifyOptions = {}): ResolvedVerifyOptions {
  const {
    region = DEFAULT_REGION,
    service = DEFAULT_SERVICE,
    credentials = [TEST_CREDENTIALS],
    now: realNow = () => new Date(),
    clockOffsetMs = 0,
    maxSkewMs = DEFAULT_MAX_SKEW_MS,
    uriEscapePath = true,
  } = options;
  if (!Number.isFinite(maxSkewMs) || maxSkewMs < 0) {
    throw new RangeError(`maxSkewMs must be a finite number >= 0, got ${maxSkewMs}`);
  }
  if (typeof clockOffsetMs !== 'number' || !Number.isFinite(clockOffsetMs)) {
    throw new RangeError(
      `clockOffsetMs must be a finite number of milliseconds, got ${clockOffsetMs}`,
    );
  }
  checkExpirations(credentials);
  const isRevoked = revokedPredicate(options.revoked);
  const now = clockOffsetMs === 0 ? realNow : () => new Date(realNow().getTime() + clockOffsetMs);
  return { region, service, credentials, now, maxSkewMs, uriEscapePath, isRevoked };
}
