import { ALGORITHM_V4A, SCOPE_TERMINATOR } from '../../constants';
import { malformedCredential } from '../errors';
import { malformedV4aCredential } from './queryErrors';
import type { VerifyFailure } from '../../types';

/** A Credential split into its parts. SigV4A scopes have no region: `region` is then `''`. @internal */
export interface ParsedCredential {
  ok: true;
  accessKeyId: string;
  scope: { date: string; region: string; service: string; terminator: string };
}

/**
 * Splits `keyid/date/region/service/aws4_request` (SigV4) or `keyid/date/service/aws4_request`
 * (SigV4A), or gives the 403 for a Credential with the wrong number of parts.
 * @internal
 */
export function parseCredential(
  credential: string,
  algorithm: string,
): ParsedCredential | VerifyFailure {
  const elements = credential.split('/');
  if (algorithm === ALGORITHM_V4A) {
    if (elements.length !== 4) return malformedV4aCredential(credential);
    const [accessKeyId, date, service, terminator] = elements;
    return { ok: true, accessKeyId, scope: { date, region: '', service, terminator } };
  }
  if (elements.length !== 5) return malformedCredential(credential);
  const [accessKeyId, date, region, service, terminator] = elements;
  return { ok: true, accessKeyId, scope: { date, region, service, terminator } };
}

/**
 * The credential scope of the string to sign, rebuilt by the server from the claimed parts:
 * `date/region/service/aws4_request`, or `date/service/aws4_request` for SigV4A.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 * @internal
 */
export function scopeOf(claim: { algorithm: string; scope: ParsedCredential['scope'] }): string {
  const { date, region, service } = claim.scope;
  const parts = claim.algorithm === ALGORITHM_V4A ? [date, service] : [date, region, service];
  return [...parts, SCOPE_TERMINATOR].join('/');
}
