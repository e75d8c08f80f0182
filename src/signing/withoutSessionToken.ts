import type { AwsCredentialIdentity } from '../types';

/** One copy per credentials object, so the signing-key cache (keyed by object) keeps working. */
const copies = new WeakMap<AwsCredentialIdentity, AwsCredentialIdentity>();

/**
 * The same keys without their session token, for the services that want the token appended to a
 * presigned URL after signing rather than signed with it (IoT Core's MQTT over WebSocket).
 * @internal
 */
export function withoutSessionToken(identity: AwsCredentialIdentity): AwsCredentialIdentity {
  if (identity.sessionToken === undefined) return identity;
  let copy = copies.get(identity);
  if (!copy) {
    const { accessKeyId, secretAccessKey, expiration } = identity;
    copy = { accessKeyId, secretAccessKey, expiration };
    copies.set(identity, copy);
  }
  return copy;
}
