import { HOST_HEADER, SCOPE_TERMINATOR } from '../constants';
import { formatAmzDate, parseAmzDate } from './claim/amzDate';
import type { SignatureClaim } from './claim/claim';
import {
  hostNotSigned,
  invalidRegion,
  invalidService,
  invalidTerminator,
  malformedDate,
  scopeDateMismatch,
  signatureExpired,
  signatureNotYetCurrent,
} from './errors';
import type { ResolvedVerifyOptions } from './options';
import type { VerifyFailure } from '../types';

/**
 * The checks API Gateway makes before it looks at the signature itself. Each returns the 403 it
 * fails with, or `undefined`.
 */

/** Terminator, region and service of the credential scope. @internal */
export function checkScope(
  claim: SignatureClaim,
  options: ResolvedVerifyOptions,
): VerifyFailure | undefined {
  const { terminator, region, service } = claim.scope;
  if (terminator !== SCOPE_TERMINATOR) return invalidTerminator(terminator);
  if (region !== options.region) return invalidRegion(region);
  if (service !== options.service) return invalidService(options.service);
  return undefined;
}

/** Request date well-formed, on the scope's day, and within `maxSkewMs` of the server clock. @internal */
export function checkDate(
  claim: SignatureClaim,
  options: ResolvedVerifyOptions,
): VerifyFailure | undefined {
  const { amzDate } = claim;
  const requestTime = parseAmzDate(amzDate);
  if (!requestTime) return malformedDate(amzDate);
  if (claim.scope.date !== amzDate.slice(0, 8)) return scopeDateMismatch(claim.scope.date, amzDate);
  const now = options.now().getTime();
  const skew = `${options.maxSkewMs / 60_000} min`;
  const stamp = (ms: number): string => formatAmzDate(new Date(ms));
  if (requestTime.getTime() < now - options.maxSkewMs) {
    return signatureExpired(amzDate, stamp(now - options.maxSkewMs), stamp(now), skew);
  }
  if (requestTime.getTime() > now + options.maxSkewMs) {
    return signatureNotYetCurrent(amzDate, stamp(now + options.maxSkewMs), stamp(now), skew);
  }
  return undefined;
}

/** `host` must be signed, or a captured signature would be valid for any host. @internal */
export function checkHostSigned(claim: SignatureClaim): VerifyFailure | undefined {
  return claim.signedHeaders.includes(HOST_HEADER) ? undefined : hostNotSigned();
}
