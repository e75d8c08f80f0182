/**
 * Explains `UnrecognizedClientException` "The security token included in the request is invalid"
 * and `ExpiredTokenException` "... is expired": the signature math may be right, the credentials
 * are not (DOMAIN.md §1, §3).
 */
import { SECURITY_TOKEN_HEADER } from '../../constants';
import type { Explanation, SigningRecord } from '../types';

const RECOVERY =
  'The library re-resolves credentials and retries once by itself, so if this persists the provider keeps returning the same bad keys';

const SNAPSTART =
  'in Lambda, check that nothing caches environment credentials across a SnapStart restore';

/** Cause and fix of an invalid token; a record tells whether a session token was sent. @internal */
export function explainInvalidToken(record?: SigningRecord): Explanation {
  const sentNoToken = record !== undefined && !record.signedHeaders.includes(SECURITY_TOKEN_HEADER);
  return {
    cause: sentNoToken
      ? 'No session token was sent: temporary credentials (ASIA... key ids, e.g. a Lambda role or an assumed role) are invalid without theirs.'
      : 'AWS does not recognise the credentials: an unknown or deleted access key id, or temporary credentials sent without their session token or with another one.',
    fix: `Give temporary credentials their session token (AWS_SESSION_TOKEN with AWS_ACCESS_KEY_ID) and make sure the session was not revoked. ${RECOVERY}; ${SNAPSTART}.`,
  };
}

/** Cause and fix of expired temporary credentials. @internal */
export function explainExpiredToken(): Explanation {
  return {
    cause: 'The temporary credentials (session token) are past their expiration.',
    fix: `Refresh them at their source (re-assume the role, sign in to SSO again). ${RECOVERY}: give it a provider that refreshes, not fixed keys; ${SNAPSTART}.`,
  };
}
