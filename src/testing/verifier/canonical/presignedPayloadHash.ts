import { QUERY_AUTH_PARAMS, S3_SERVICE, UNSIGNED_PAYLOAD } from '../../constants';
import { sha256Hex } from './payloadHash';
import { decodedQueryPairs, splitRawUrl } from './rawUrl';
import type { RawRequest } from '../../types';

const CONTENT_SHA256 = QUERY_AUTH_PARAMS.contentSha256.toLowerCase();

/**
 * The HashedPayload line of a presigned URL. S3 cannot know the body a URL will carry: it signs
 * the `X-Amz-Content-Sha256` query parameter when the presigner put one there (the AWS SDK hoists
 * its `UNSIGNED-PAYLOAD` header into the query), else `UNSIGNED-PAYLOAD`, as `aws4` and botocore
 * sign. Every other service, API Gateway first, hashes the body it received (empty for a GET or
 * a WebSocket `$connect`), as @smithy/signature-v4's `presign` and `aws4` sign.
 * @internal
 */
export function presignedPayloadHash(raw: RawRequest, service: string): string {
  if (service !== S3_SERVICE) return sha256Hex(raw.body);
  const pairs = decodedQueryPairs(splitRawUrl(raw.rawUrl).rawQuery);
  const declared = pairs.find(([key]) => key.toLowerCase() === CONTENT_SHA256);
  return declared ? declared[1] : UNSIGNED_PAYLOAD;
}
