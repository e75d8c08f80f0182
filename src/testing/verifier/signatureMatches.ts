import { verify } from 'node:crypto';
import type { SignatureClaim } from './claim/claim';
import { ALGORITHM_V4A } from '../constants';
import { computeSignature, sameSecretText } from './signature';
import type { TestIdentity } from '../types';
import { deriveV4aPublicKey } from './v4aKey';

const HEX = /^(?:[0-9a-fA-F]{2})+$/;

/**
 * Whether a SigV4A signature (hex of a DER-encoded ECDSA signature over SHA-256 of the string to
 * sign) verifies under the identity's derived public key. SigV4A signatures are randomized, so
 * they are verified, never compared. A signature that is not DER gives `false`, not an error.
 * @internal
 */
function verifyV4aSignature(
  identity: Readonly<TestIdentity>,
  stringToSign: string,
  signatureHex: string,
): boolean {
  if (!HEX.test(signatureHex)) return false;
  const key = deriveV4aPublicKey(identity.accessKeyId, identity.secretAccessKey);
  try {
    const data = Buffer.from(stringToSign, 'utf8');
    const signature = Buffer.from(signatureHex, 'hex');
    return verify('sha256', data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false; // malformed DER
  }
}

/**
 * The signature check of either algorithm: HMAC compared in constant time for SigV4, ECDSA
 * verification for SigV4A.
 * @internal
 */
export function signatureMatches(
  claim: Pick<SignatureClaim, 'algorithm' | 'scope' | 'signature'>,
  identity: Readonly<TestIdentity>,
  stringToSign: string,
): boolean {
  if (claim.algorithm === ALGORITHM_V4A) {
    return verifyV4aSignature(identity, stringToSign, claim.signature);
  }
  const expected = computeSignature(identity.secretAccessKey, claim.scope, stringToSign);
  return sameSecretText(expected, claim.signature);
}
