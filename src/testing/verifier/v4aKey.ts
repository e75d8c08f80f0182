import { createECDH, createHmac, createPublicKey, type KeyObject } from 'node:crypto';
import { ALGORITHM_V4A } from '../constants';

/**
 * The SigV4A key pair AWS derives from an access key pair, re-implemented here with node:crypto
 * from the specification as aws-c-auth (source/key_derivation.c) and @smithy/signature-v4a apply
 * it: NIST SP 800-108 KDF in counter mode, HMAC-SHA256 keyed with "AWS4A" + secret, over
 *
 *   0x00000001 || "AWS4-ECDSA-P256-SHA256" || 0x00 || AccessKeyId || counter (1 byte) || 0x00000100
 *
 * starting with counter 1; a candidate above n - 2 (n: the P-256 group order) moves to the next
 * counter (at most 254), otherwise the private scalar is candidate + 1, in [1, n - 1].
 * The public key of AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY is the one aws-c-auth's
 * SigV4A test suite publishes (test/testing/endpoint/sigv4a.test.ts checks it).
 */

/** The order of the P-256 group, minus 2. */
const N_MINUS_2 = BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC63254F');
const MAX_COUNTER = 254;
const KEY_PREFIX = 'AWS4A';
const ONE_BE32 = Buffer.from([0, 0, 0, 1]);
/** The "Length" of the derived key in bits, 256, big-endian on 4 bytes. */
const LENGTH_BE32 = Buffer.from([0, 0, 1, 0]);

function fixedInput(accessKeyId: string, counter: number): Buffer {
  return Buffer.concat([
    ONE_BE32,
    Buffer.from(ALGORITHM_V4A, 'utf8'),
    Buffer.from([0]),
    Buffer.from(accessKeyId, 'utf8'),
    Buffer.from([counter]),
    LENGTH_BE32,
  ]);
}

/** The 32-byte private scalar. Never leaves this module but as a key. @internal */
export function deriveV4aPrivateScalar(accessKeyId: string, secretAccessKey: string): Buffer {
  const key = Buffer.from(`${KEY_PREFIX}${secretAccessKey}`, 'utf8');
  for (let counter = 1; counter <= MAX_COUNTER; counter += 1) {
    const candidate = createHmac('sha256', key).update(fixedInput(accessKeyId, counter)).digest();
    const value = BigInt(`0x${candidate.toString('hex')}`);
    if (value > N_MINUS_2) continue;
    return Buffer.from((value + 1n).toString(16).padStart(64, '0'), 'hex');
  }
  // Unreachable in practice: each counter fails with probability about 2^-32.
  throw new Error('SigV4A key derivation failed: no valid P-256 scalar within 254 counters');
}

/**
 * The SigV4A verification key (P-256 public key) of an access key pair.
 * @internal
 */
export function deriveV4aPublicKey(accessKeyId: string, secretAccessKey: string): KeyObject {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(deriveV4aPrivateScalar(accessKeyId, secretAccessKey));
  const point = ecdh.getPublicKey(); // 0x04 || X (32 bytes) || Y (32 bytes)
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33, 65).toString('base64url'),
  };
  return createPublicKey({ key: jwk, format: 'jwk' });
}
