import { AUTHORIZATION_HEADER } from '../../constants';
import { readHeaderClaim, type SignatureClaim } from './claim';
import { hasQueryAuth, readQueryClaim } from './queryClaim';
import { onlyOneAuthMechanism } from './queryErrors';
import { firstHeader } from '../canonical/rawHeaders';
import type { RawRequest, VerifyFailure } from '../../types';

/**
 * The request's signature claim, from the Authorization header or from the query of a presigned
 * URL, whichever it carries. Both at once is refused, as S3 does: the two could disagree.
 * A request with neither gets "Missing Authentication Token".
 * @internal
 */
export function readClaim(raw: RawRequest, service: string): SignatureClaim | VerifyFailure {
  const inQuery = hasQueryAuth(raw);
  if (inQuery && firstHeader(raw.rawHeaders, AUTHORIZATION_HEADER) !== undefined) {
    return onlyOneAuthMechanism();
  }
  return inQuery ? readQueryClaim(raw, service) : readHeaderClaim(raw);
}
