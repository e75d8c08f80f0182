import { formatAmzDate, parseAmzDate } from './amzDate';
import { ALGORITHM_V4A, REGION_SET_HEADER, SCOPE_TERMINATOR } from '../../constants';
import { checkDate, checkScope } from '../checks';
import type { SignatureClaim } from './claim';
import {
  invalidService,
  invalidTerminator,
  malformedDate,
  scopeDateMismatch,
  signatureNotYetCurrent,
} from '../errors';
import type { ResolvedVerifyOptions } from '../options';
import { presignedExpired, regionNotInSet, regionSetNotSigned } from './queryErrors';
import { regionSetCovers } from './regionSet';
import type { VerifyFailure } from '../../types';

/**
 * The checks that differ between header and query auth, SigV4 and SigV4A. Each returns the 403
 * the request fails with, or `undefined`.
 */

/**
 * The scope: terminator and service always; the region for SigV4, the region set for SigV4A (it
 * must cover the endpoint's region and, in an Authorization header, be signed).
 * @internal
 */
export function checkClaimScope(
  claim: SignatureClaim,
  options: ResolvedVerifyOptions,
): VerifyFailure | undefined {
  if (claim.algorithm !== ALGORITHM_V4A) return checkScope(claim, options);
  const { terminator, service } = claim.scope;
  if (terminator !== SCOPE_TERMINATOR) return invalidTerminator(terminator);
  if (service !== options.service) return invalidService(options.service);
  const regionSet = claim.regionSet ?? '';
  if (claim.location === 'header' && !claim.signedHeaders.includes(REGION_SET_HEADER)) {
    return regionSetNotSigned();
  }
  return regionSetCovers(regionSet, options.region) ? undefined : regionNotInSet(regionSet);
}

/** `90 sec`, or `15 min` for whole minutes, as AWS writes durations in its messages. */
function durationText(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} sec`;
}

/**
 * The request time. Header auth, and query auth without X-Amz-Expires: within the clock skew of
 * the server (checkDate). A presigned URL with X-Amz-Expires: valid from X-Amz-Date (give or take
 * the skew, for a signer whose clock is ahead) until X-Amz-Date + X-Amz-Expires, inclusive.
 * @internal
 */
export function checkClaimTime(
  claim: SignatureClaim,
  options: ResolvedVerifyOptions,
): VerifyFailure | undefined {
  if (claim.expiresSeconds === undefined) return checkDate(claim, options);
  const { amzDate, expiresSeconds } = claim;
  const requestTime = parseAmzDate(amzDate);
  if (!requestTime) return malformedDate(amzDate);
  if (claim.scope.date !== amzDate.slice(0, 8)) return scopeDateMismatch(claim.scope.date, amzDate);
  const now = options.now().getTime();
  const stamp = (ms: number): string => formatAmzDate(new Date(ms));
  if (now > requestTime.getTime() + expiresSeconds * 1000) {
    const limit = stamp(now - expiresSeconds * 1000);
    return presignedExpired(amzDate, limit, stamp(now), durationText(expiresSeconds));
  }
  if (requestTime.getTime() > now + options.maxSkewMs) {
    const skew = durationText(Math.round(options.maxSkewMs / 1000));
    return signatureNotYetCurrent(amzDate, stamp(now + options.maxSkewMs), stamp(now), skew);
  }
  return undefined;
}
