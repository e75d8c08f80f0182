import { sha256Hex } from './payloadHash';
import { headerRecord } from './rawHeaders';
import { decodedQueryPairs, splitRawUrl } from './rawUrl';
import type { RawRequest, VerifySuccess } from './types';

/**
 * The body of a verified request's 200: what the server received and computed, so a test can
 * assert on the request as it arrived (path and query as sent, headers, body bytes) rather than as
 * the client meant it.
 */
export interface VerifiedEcho {
  message: 'verified';
  accessKeyId: string;
  method: string;
  /** The path as received, still percent-encoded, without the query. */
  path: string;
  /** The text after the first `?`, `''` when none. */
  rawQuery: string;
  /** Decoded `[key, value]` pairs in received order; `+` is left as `+`. */
  query: Array<[string, string]>;
  /** Lower-cased names; values as received; repeated fields joined with `, `. */
  headers: Record<string, string>;
  bodyLength: number;
  /** Hex SHA-256 of the body bytes. */
  bodySha256: string;
  bodyBase64: string;
  signedHeaders: string[];
  canonicalRequest: string;
  stringToSign: string;
}

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
