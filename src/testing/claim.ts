import {
  ALGORITHM,
  AMZ_DATE_HEADER,
  AUTHORIZATION_HEADER,
  CREDENTIAL_PARAM,
  DATE_HEADER,
  SIGNATURE_PARAM,
  SIGNED_HEADERS_PARAM,
} from './constants';
import { parseAuthorization } from './authorization';
import { normalizeSignedHeaders } from './canonicalHeaders';
import {
  incompleteSignature,
  malformedCredential,
  missingAuthenticationToken,
  unsupportedAlgorithm,
} from './errors';
import { firstHeader } from './rawHeaders';
import type { RawRequest, VerifyFailure } from './types';

/**
 * What a request claims about its signature, wherever it carries it. Header auth fills it from
 * the Authorization header; query auth (presigned URLs, not verified yet) would fill it from the
 * X-Amz-* parameters and list them in `excludedQueryParams`: verify.ts needs no other change.
 * @internal
 */
export interface SignatureClaim {
  ok: true;
  /** The Credential text, `keyid/date/region/service/terminator`. */
  credential: string;
  accessKeyId: string;
  scope: { date: string; region: string; service: string; terminator: string };
  /** Signed header names in canonical form (lower-case, sorted). */
  signedHeaders: string[];
  signature: string;
  /** The request timestamp as sent (`x-amz-date`, else `date`). */
  amzDate: string;
  /** Query parameters that carry the auth itself and are not signed (`X-Amz-Signature`). */
  excludedQueryParams: string[];
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
  if (parsed.algorithm !== ALGORITHM) return unsupportedAlgorithm();
  const credential = param(CREDENTIAL_PARAM);
  const elements = credential.split('/');
  if (elements.length !== 5) return malformedCredential(credential);
  const [accessKeyId, date, region, service, terminator] = elements;
  return {
    ok: true,
    credential,
    accessKeyId,
    scope: { date, region, service, terminator },
    signedHeaders: normalizeSignedHeaders(param(SIGNED_HEADERS_PARAM)),
    signature: param(SIGNATURE_PARAM),
    amzDate,
    excludedQueryParams: [],
  };
}
