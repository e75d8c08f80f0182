import { sha256Hex } from '../verifier/canonical/payloadHash';
import { headerRecord } from '../verifier/canonical/rawHeaders';
import { decodedQueryPairs, splitRawUrl } from '../verifier/canonical/rawUrl';
import type { RawRequest, VerifiedEcho, VerifySuccess } from '../types';

export type { VerifiedEcho };

/** Builds the 200 body for a verified request. @internal */
export function buildEcho(raw: RawRequest, result: VerifySuccess): VerifiedEcho {
  const { path, rawQuery } = splitRawUrl(raw.rawUrl);
  return {
    message: 'verified',
    accessKeyId: result.accessKeyId,
    method: raw.method,
    path,
    rawQuery,
    query: decodedQueryPairs(rawQuery),
    headers: headerRecord(raw.rawHeaders),
    bodyLength: raw.body.byteLength,
    bodySha256: sha256Hex(raw.body),
    bodyBase64: Buffer.from(raw.body).toString('base64'),
    signedHeaders: result.signedHeaders,
    canonicalRequest: result.canonicalRequest,
    stringToSign: result.stringToSign,
  };
}
