import { canonicalHeaders } from './canonicalHeaders';
import { canonicalQuery } from './canonicalQuery';
import { canonicalUri } from './canonicalUri';
import type { SignatureClaim } from '../claim/claim';
import type { ResolvedVerifyOptions } from '../options';
import { payloadHash } from './payloadHash';
import { presignedPayloadHash } from './presignedPayloadHash';
import { splitRawUrl } from './rawUrl';
import type { RawRequest } from '../../types';

/**
 * The canonical request the server derives from the bytes it received, for the headers the client
 * says it signed: method, URI, query, headers, signed header list, payload hash.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 * @internal
 */
export function buildCanonicalRequest(
  raw: RawRequest,
  claim: Pick<SignatureClaim, 'signedHeaders' | 'excludedQueryParams' | 'location'>,
  options: Pick<ResolvedVerifyOptions, 'service' | 'uriEscapePath'>,
): string {
  const { path, rawQuery } = splitRawUrl(raw.rawUrl);
  return [
    raw.method,
    canonicalUri(path, options.uriEscapePath),
    canonicalQuery(rawQuery, claim.excludedQueryParams),
    canonicalHeaders(raw.rawHeaders, claim.signedHeaders),
    claim.signedHeaders.join(';'),
    claim.location === 'query'
      ? presignedPayloadHash(raw, options.service)
      : payloadHash(raw, options.service),
  ].join('\n');
}
