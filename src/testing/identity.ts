import { SECURITY_TOKEN_HEADER } from './constants';
import { unrecognizedClient } from './errors';
import { headerValues } from './rawHeaders';
import { sameSecretText } from './signature';
import type { RawRequest, TestIdentity, VerifyFailure } from './types';

/**
 * The accepted identity that owns the access key id, with its session token checked the way STS
 * credentials are: an identity with a token needs exactly that token in `x-amz-security-token`
 * (signed or not), and one without a token must not receive any. Every miss gives the same 403 as
 * AWS, so the response does not tell which part was wrong.
 * @internal
 */
export function findIdentity(
  raw: RawRequest,
  accessKeyId: string,
  identities: readonly TestIdentity[],
): { ok: true; identity: TestIdentity } | VerifyFailure {
  const identity = identities.find((candidate) => candidate.accessKeyId === accessKeyId);
  if (!identity) return unrecognizedClient();
  const tokens = headerValues(raw.rawHeaders, SECURITY_TOKEN_HEADER).map((token) => token.trim());
  if (identity.sessionToken === undefined) {
    return tokens.length === 0 ? { ok: true, identity } : unrecognizedClient();
  }
  const matches = tokens.length === 1 && sameSecretText(identity.sessionToken, tokens[0]);
  return matches ? { ok: true, identity } : unrecognizedClient();
}
