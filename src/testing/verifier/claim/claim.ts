import {
  ALGORITHM,
  ALGORITHM_V4A,
  AMZ_DATE_HEADER,
  AUTHORIZATION_HEADER,
  CREDENTIAL_PARAM,
  DATE_HEADER,
  REGION_SET_HEADER,
  SIGNATURE_PARAM,
  SIGNED_HEADERS_PARAM,
} from '../../constants';
import { parseAuthorization } from './authorization';
import { normalizeSignedHeaders } from '../canonical/canonicalHeaders';
import { parseCredential, type ParsedCredential } from './credentialScope';
import { incompleteSignature, missingAuthenticationToken, unsupportedAlgorithm } from '../errors';
import { missingRegionSet } from './queryErrors';
import { firstHeader } from '../canonical/rawHeaders';
import type { RawRequest, VerifyFailure } from '../../types';

/**
 * What a request claims about its signature, wherever it carries it: header auth fills it from
 * the Authorization header (readHeaderClaim), query auth (presigned URLs) from the X-Amz-*
 * parameters (queryClaim.ts). SigV4 and SigV4A claims differ only in `algorithm`, the scope
 * (no region for SigV4A) and `regionSet`.
 * @internal
 */
export interface SignatureClaim {
  ok: true;
  /** `AWS4-HMAC-SHA256` or `AWS4-ECDSA-P256-SHA256` (SigV4A). */
  algorithm: string;
  /** Where the signature came from: the Authorization header, or the query of a presigned URL. */
  location: 'header' | 'query';
  /** The Credential text, `keyid/date/region/service/terminator` (SigV4A: no region). */
  credential: string;
  accessKeyId: string;
  /** For SigV4A `region` is `''`: its regions are in `regionSet`. */
  scope: ParsedCredential['scope'];
  /** SigV4A only: the region set as sent, e.g. `us-east-1`, `*` or `us-*,eu-west-1`. */
  regionSet?: string;
  /** Signed header names in canonical form (lower-case, sorted). */
  signedHeaders: string[];
  signature: string;
  /** The request timestamp as sent (`x-amz-date`, else `date`). */
  amzDate: string;
  /** Query parameters that carry the auth itself and are not signed (`X-Amz-Signature`). */
  excludedQueryParams: string[];
  /** Query auth: the validity (X-Amz-Expires) in seconds, when sent. */
  expiresSeconds?: number;
  /** Query auth: the X-Amz-Security-Token values of the query. Header auth reads the header. */
  securityTokens?: string[];
}

/** The claim of a header-signed request, or the 403 API Gateway gives for a bad header. @internal */
export function readHeaderClaim(raw: RawRequest): SignatureClaim | VerifyFailure {
  const authorization = firstHeader(raw.rawHeaders, AUTHORIZATION_HEADER);
  if (authorization === undefined) return missingAuthenticationToken();
  const parsed = parseAuthorization(authorization);
  if (!parsed.ok) return parsed;
  const param = (name: string): string => parsed.params.get(name) ?? '';
  const amzDate =
    firstHeader(raw.rawHeaders, AMZ_DATE_HEADER) ?? firstHeader(raw.rawHeaders, DATE_HEADER);
  // API Gateway lists every missing piece at once, in this order.
  const missing = [CREDENTIAL_PARAM, SIGNATURE_PARAM, SIGNED_HEADERS_PARAM].filter(
    (n) => !param(n),
  );
  if (missing.length > 0 || amzDate === undefined) {
    return incompleteSignature(missing, amzDate === undefined);
  }
  const { algorithm } = parsed;
  if (algorithm !== ALGORITHM && algorithm !== ALGORITHM_V4A) return unsupportedAlgorithm();
  const credential = param(CREDENTIAL_PARAM);
  const parts = parseCredential(credential, algorithm);
  if (!parts.ok) return parts;
  const regionSet = firstHeader(raw.rawHeaders, REGION_SET_HEADER)?.trim();
  if (algorithm === ALGORITHM_V4A && regionSet === undefined) return missingRegionSet(false);
  return {
    ok: true,
    algorithm,
    location: 'header',
    credential,
    accessKeyId: parts.accessKeyId,
    scope: parts.scope,
    ...(algorithm === ALGORITHM_V4A ? { regionSet } : {}),
    signedHeaders: normalizeSignedHeaders(param(SIGNED_HEADERS_PARAM)),
    signature: param(SIGNATURE_PARAM),
    amzDate,
    excludedQueryParams: [],
  };
}
