import { SECURITY_TOKEN_HEADER } from '../constants';
import { expiredToken, unrecognizedClient } from './errors';
import type { ResolvedVerifyOptions } from './options';
import { headerValues } from './canonical/rawHeaders';
import { sameSecretText } from './signature';
import type { RawRequest, TestIdentity, VerifyFailure } from '../types';

/**
 * The accepted identity that owns the access key id, with its session token checked the way STS
 * credentials are: an identity with a token needs exactly that token in `x-amz-security-token`
 * (signed or not), and one without a token must not receive any. Every miss gives the same 403 as
 * AWS, so the response does not tell which part was wrong. A revoked identity is refused like an
 * unknown one; a lapsed one (`expiration` not after the server clock) gets `ExpiredTokenException`.
 * All of this precedes the signature check: AWS refuses the token before it looks at the signature.
 * A presigned URL carries its token in the query: pass those values as `queryTokens`.
 * @internal
 */
export function findIdentity(
  raw: RawRequest,
  accessKeyId: string,
  options: Pick<ResolvedVerifyOptions, 'credentials' | 'now' | 'isRevoked'>,
  queryTokens?: readonly string[],
): { ok: true; identity: TestIdentity } | VerifyFailure {
  const identity = options.credentials.find((candidate) => candidate.accessKeyId === accessKeyId);
  if (!identity) return unrecognizedClient();
  const presented = queryTokens ?? headerValues(raw.rawHeaders, SECURITY_TOKEN_HEADER);
  const tokens = presented.map((token) => token.trim());
  const tokenMatches =
    identity.sessionToken === undefined
      ? tokens.length === 0
      : tokens.length === 1 && sameSecretText(identity.sessionToken, tokens[0]);
  if (!tokenMatches || options.isRevoked(identity)) return unrecognizedClient();
  const { expiration } = identity;
  if (expiration !== undefined && expiration.getTime() <= options.now().getTime()) {
    return expiredToken();
  }
  return { ok: true, identity };
}
