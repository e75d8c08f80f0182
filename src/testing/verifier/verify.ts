import { buildCanonicalRequest } from './canonical/canonical';
import { checkHostSigned } from './checks';
import { checkClaimScope, checkClaimTime } from './claim/claimChecks';
import { scopeOf } from './claim/credentialScope';
import { signatureMismatch } from './errors';
import { findIdentity } from './identity';
import { resolveVerifyOptions, type ResolvedVerifyOptions } from './options';
import { readClaim } from './claim/readClaim';
import { buildStringToSign } from './signature';
import { signatureMatches } from './signatureMatches';
import type { RawRequest, VerifyFailure, VerifyOptions, VerifyResult } from '../types';

/**
 * Checks a request's SigV4 signature the way API Gateway's IAM authorization does, from the raw
 * request alone: no client code, no signing library. Pure apart from calling `options.now`.
 *
 * Reads header auth (the Authorization header) and query auth (a presigned URL: X-Amz-Algorithm,
 * X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders, X-Amz-Security-Token and
 * X-Amz-Signature in the query), each with SigV4 (`AWS4-HMAC-SHA256`) or SigV4A
 * (`AWS4-ECDSA-P256-SHA256`, whose region set must cover `options.region`).
 * @example
 * const result = verifyRequest({ method: 'GET', rawUrl: req.url, rawHeaders: req.rawHeaders, body });
 * if (!result.ok) console.log(result.errorType, result.message);
 */
export function verifyRequest(raw: RawRequest, options?: VerifyOptions): VerifyResult {
  return verifyResolved(raw, resolveVerifyOptions(options));
}

/**
 * {@link verifyRequest} with resolved options. `unsignedQueryParams` names query parameters that
 * are sent but not signed, besides X-Amz-Signature: IoT Core's presigned URLs carry
 * X-Amz-Security-Token appended after the signature.
 * @internal
 */
export function verifyResolved(
  raw: RawRequest,
  settings: ResolvedVerifyOptions,
  unsignedQueryParams: readonly string[] = [],
): VerifyResult {
  const read = readClaim(raw, settings.service);
  if (!read.ok) return read;
  const excludedQueryParams = [...read.excludedQueryParams, ...unsignedQueryParams];
  const claim = { ...read, excludedQueryParams };
  const canonicalRequest = buildCanonicalRequest(raw, claim, settings);
  const stringToSign = buildStringToSign(
    claim.amzDate,
    scopeOf(claim),
    canonicalRequest,
    claim.algorithm,
  );
  // Failures before the signature check still carry the server's computation, for debugging.
  const explain = (failure: VerifyFailure): VerifyFailure => ({
    ...failure,
    canonicalRequest,
    stringToSign,
  });
  const early =
    checkClaimScope(claim, settings) ?? checkClaimTime(claim, settings) ?? checkHostSigned(claim);
  if (early) return explain(early);
  const found = findIdentity(raw, claim.accessKeyId, settings, claim.securityTokens);
  if (!found.ok) return explain(found);
  if (!signatureMatches(claim, found.identity, stringToSign)) {
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
