import { DEFAULT_MAX_SKEW_MS, DEFAULT_REGION, DEFAULT_SERVICE } from './constants';
import { TEST_CREDENTIALS } from './credentials';
import type { TestIdentity, VerifyOptions } from './types';

/** {@link VerifyOptions} with every default applied. @internal */
export interface ResolvedVerifyOptions {
  region: string;
  service: string;
  credentials: readonly TestIdentity[];
  now: () => Date;
  maxSkewMs: number;
  uriEscapePath: boolean;
}

/** Applies the defaults once and rejects values that would make every check meaningless. @internal */
export function resolveVerifyOptions(options: VerifyOptions = {}): ResolvedVerifyOptions {
  const {
    region = DEFAULT_REGION,
    service = DEFAULT_SERVICE,
    credentials = [TEST_CREDENTIALS],
    now = () => new Date(),
    maxSkewMs = DEFAULT_MAX_SKEW_MS,
    uriEscapePath = true,
  } = options;
  if (!Number.isFinite(maxSkewMs) || maxSkewMs < 0) {
    throw new RangeError(`maxSkewMs must be a finite number >= 0, got ${maxSkewMs}`);
  }
  return { region, service, credentials, now, maxSkewMs, uriEscapePath };
}
