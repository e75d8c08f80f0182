import { buildCanonicalRequest } from './canonical';
import { checkDate, checkHostSigned, checkScope } from './checks';
import { readHeaderClaim } from './claim';
import { signatureMismatch } from './errors';
import { findIdentity } from './identity';
import { resolveVerifyOptions } from './options';
import { buildStringToSign, computeSignature, credentialScope, sameSecretText } from './signature';
import type { RawRequest, VerifyFailure, VerifyOptions, VerifyResult } from './types';

/**
 * Checks a request's SigV4 signature the way API Gateway's IAM authorization does, from the raw
 * request alone: no client code, no signing library. Pure apart from calling `options.now`.
 *
 * Only header auth (the Authorization header) is read; a presigned URL (X-Amz-Signature in the
 * query) is answered like an unsigned request. Adding it means a `readQueryClaim` next to
 * `readHeaderClaim` in claim.ts; the checks and the canonical request already take a claim.
 * @example
 * const result = verifyRequest({ method: 'GET', rawUrl: req.url, rawHeaders: req.rawHeaders, body });
 * if (!result.ok) console.log(result.errorType, result.message);
 */
export function verifyRequest(raw: RawRequest, options?: VerifyOptions): VerifyResult {
  const settings = resolveVerifyOptions(options);
  const claim = readHeaderClaim(raw);
  if (!claim.ok) return claim;
  const scope = credentialScope(claim.scope.date, claim.scope.region, claim.scope.service);
  const canonicalRequest = buildCanonicalRequest(raw, claim, settings);
  const stringToSign = buildStringToSign(claim.amzDate, scope, canonicalRequest);
  // Failures before the signature check still carry the server's computation, for debugging.
  const explain = (failure: VerifyFailure): VerifyFailure => ({
    ...failure,
    canonicalRequest,
    stringToSign,
  });
  const early = checkScope(claim, settings) ?? checkDate(claim, settings) ?? checkHostSigned(claim);
  if (early) return explain(early);
  const found = findIdentity(raw, claim.accessKeyId, settings);
  if (!found.ok) return explain(found);
  const expected = computeSignature(found.identity.secretAccessKey, claim.scope, stringToSign);
  if (!sameSecretText(expected, claim.signature)) {
    return signatureMismatch(canonicalRequest, stringToSign);
  }
  const { accessKeyId } = found.identity;
  return {
    ok: true,
    accessKeyId,
    canonicalRequest,
    stringToSign,
    signedHeaders: claim.signedHeaders,
  };
}
