import { ERROR_TYPES } from '../constants';
import { stsError } from './stsXml';
import type { LocalResponse } from '../server/serve';
import type { RawRequest, VerifyOptions } from '../types';
import { verifyRequest } from '../verifier/verify';

/** STS's error code for each kind of signature failure the verifier reports. */
const STS_CODES: Record<string, string> = {
  [ERROR_TYPES.missingToken]: 'MissingAuthenticationToken',
  [ERROR_TYPES.incomplete]: 'IncompleteSignature',
  [ERROR_TYPES.invalidSignature]: 'SignatureDoesNotMatch',
  [ERROR_TYPES.unrecognizedClient]: 'InvalidClientTokenId',
  [ERROR_TYPES.expiredToken]: 'ExpiredToken',
};

/**
 * Checks the SigV4 signature of an STS call with the endpoint's own verifier: the caller's access
 * key id when it is valid, STS's 403 otherwise. Only the first line of the verifier's message is sent: on a mismatch
 * it goes on with the canonical request, which can hold the caller's session token.
 * @internal
 */
export function authenticateCaller(
  raw: RawRequest,
  options: VerifyOptions,
): { accessKeyId: string } | LocalResponse {
  const result = verifyRequest(raw, options);
  if (result.ok) return { accessKeyId: result.accessKeyId };
  const code = STS_CODES[result.errorType] ?? result.errorType;
  return stsError(result.status, code, result.message.split('\n')[0].trim());
}
