import {
  ALGORITHM,
  ALGORITHM_V4A,
  MAX_PRESIGNED_EXPIRES_SECONDS,
  QUERY_AUTH_PARAMS,
  S3_SERVICE,
} from '../../constants';
import { normalizeSignedHeaders } from '../canonical/canonicalHeaders';
import type { SignatureClaim } from './claim';
import { parseCredential } from './credentialScope';
import {
  expiresNegative,
  expiresNotANumber,
  expiresTooLong,
  missingQueryParams,
  missingRegionSet,
  unsupportedQueryAlgorithm,
} from './queryErrors';
import { decodedQueryPairs, splitRawUrl } from '../canonical/rawUrl';
import type { RawRequest, VerifyFailure } from '../../types';

const P = QUERY_AUTH_PARAMS;

/** The decoded values of one query parameter, in received order. */
function valuesOf(pairs: ReadonlyArray<[string, string]>, name: string): string[] {
  return pairs.filter(([key]) => key === name).map(([, value]) => value);
}

/**
 * Whether the request carries query-string auth: any of X-Amz-Algorithm, X-Amz-Credential or
 * X-Amz-Signature in the query (decoded names, case as AWS spells them).
 * @internal
 */
export function hasQueryAuth(raw: RawRequest): boolean {
  const pairs = decodedQueryPairs(splitRawUrl(raw.rawUrl).rawQuery);
  return pairs.some(([key]) => key === P.algorithm || key === P.credential || key === P.signature);
}

/** X-Amz-Expires as seconds: a whole decimal number from 0 to 604800, else S3's 403. @internal */
function parseExpires(value: string): number | VerifyFailure {
  if (!/^-?\d+$/.test(value)) return expiresNotANumber();
  const seconds = Number(value);
  if (seconds < 0) return expiresNegative();
  return seconds > MAX_PRESIGNED_EXPIRES_SECONDS ? expiresTooLong() : seconds;
}

/**
 * The claim of a presigned URL: every auth value comes from the query, X-Amz-Signature is left
 * out of the canonical query, and the session token is read from X-Amz-Security-Token. S3 requires
 * X-Amz-Expires; other services (API Gateway, whose WebSocket `$connect` is often presigned by
 * `aws4` without it) accept its absence and then apply the usual clock-skew window.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 * @internal
 */
export function readQueryClaim(raw: RawRequest, service: string): SignatureClaim | VerifyFailure {
  const pairs = decodedQueryPairs(splitRawUrl(raw.rawUrl).rawQuery);
  const first = (name: string): string | undefined => valuesOf(pairs, name)[0];
  const expiresRequired = service === S3_SERVICE;
  const required: string[] = [P.algorithm, P.credential, P.signature, P.date, P.signedHeaders];
  if (expiresRequired) required.push(P.expires);
  if (required.some((name) => !first(name))) return missingQueryParams(expiresRequired);
  const algorithm = first(P.algorithm) ?? '';
  if (algorithm !== ALGORITHM && algorithm !== ALGORITHM_V4A) return unsupportedQueryAlgorithm();
  const expiresText = first(P.expires);
  const expiresSeconds = expiresText === undefined ? undefined : parseExpires(expiresText);
  if (typeof expiresSeconds === 'object') return expiresSeconds;
  const credential = first(P.credential) ?? '';
  const parts = parseCredential(credential, algorithm);
  if (!parts.ok) return parts;
  const regionSet = first(P.regionSet)?.trim();
  if (algorithm === ALGORITHM_V4A && regionSet === undefined) return missingRegionSet(true);
  return {
    ok: true,
    algorithm,
    location: 'query',
    credential,
    accessKeyId: parts.accessKeyId,
    scope: parts.scope,
    ...(algorithm === ALGORITHM_V4A ? { regionSet } : {}),
    signedHeaders: normalizeSignedHeaders(first(P.signedHeaders) ?? ''),
    signature: first(P.signature) ?? '',
    amzDate: first(P.date) ?? '',
    excludedQueryParams: [P.signature],
    ...(expiresSeconds === undefined ? {} : { expiresSeconds }),
    securityTokens: valuesOf(pairs, P.securityToken),
  };
}
