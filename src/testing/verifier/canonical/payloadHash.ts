import { createHash } from 'node:crypto';
import { CONTENT_SHA256_HEADER, S3_SERVICE } from '../../constants';
import { firstHeader } from './rawHeaders';
import type { RawRequest } from '../../types';

/** Hex SHA-256 of bytes or UTF-8 text. @internal */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The HashedPayload line. S3 signs whatever `x-amz-content-sha256` says (it may be
 * UNSIGNED-PAYLOAD, and S3 checks the real hash separately). Every other service, API Gateway
 * first, hashes the bytes it received and ignores that header.
 * @internal
 */
export function payloadHash(raw: RawRequest, service: string): string {
  const declared = firstHeader(raw.rawHeaders, CONTENT_SHA256_HEADER);
  if (service === S3_SERVICE && declared !== undefined) return declared.trim();
  return sha256Hex(raw.body);
}
