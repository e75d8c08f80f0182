import { createHmac, timingSafeEqual } from 'node:crypto';
import { ALGORITHM, SCOPE_TERMINATOR, SECRET_KEY_PREFIX } from '../constants';
import { sha256Hex } from './canonical/payloadHash';

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/**
 * The string to sign: algorithm, request date, credential scope, hash of the canonical request.
 * SigV4A (`AWS4-ECDSA-P256-SHA256`) builds it the same way, with its own scope.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-string-to-sign
 * @internal
 */
export function buildStringToSign(
  amzDate: string,
  scope: string,
  canonicalRequest: string,
  algorithm: string = ALGORITHM,
): string {
  return [algorithm, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
}

/** `date/region/service/aws4_request` as the server expects it. @internal */
export function credentialScope(date: string, region: string, service: string): string {
  return [date, region, service, SCOPE_TERMINATOR].join('/');
}

/** Hex HMAC of the string to sign under the key derived from the secret (4 HMACs). @internal */
export function computeSignature(
  secretAccessKey: string,
  scope: { date: string; region: string; service: string },
  stringToSign: string,
): string {
  const dateKey = hmac(`${SECRET_KEY_PREFIX}${secretAccessKey}`, scope.date);
  const regionKey = hmac(dateKey, scope.region);
  const serviceKey = hmac(regionKey, scope.service);
  const signingKey = hmac(serviceKey, SCOPE_TERMINATOR);
  return hmac(signingKey, stringToSign).toString('hex');
}

/** Constant-time comparison, so response timing does not reveal how much of a guess matched. @internal */
export function sameSecretText(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(provided, 'utf8');
  // timingSafeEqual throws on different lengths; the length of a hex signature is public anyway.
  return a.length === b.length && timingSafeEqual(a, b);
}
