import type { EngineClass, SignerInit, SmithySignerClass } from './engine';
import { sha256Hex } from './sha256';
import type { AwsCredentialIdentity } from '../types';

/**
 * Derived signing keys, per identity (access key id + a fingerprint of the secret: never the
 * secret itself) and per day, region and service. Keyed by the secret's fingerprint rather than
 * by the credentials object, so that a secret rotated in place takes effect on the next
 * signature. smithy keeps a cache too, but finds its entries by HMAC-ing the secret on every
 * signature. At most {@link MAX_IDENTITIES} identities, least recently used dropped first.
 */
const signingKeys = new Map<string, Map<string, Promise<Uint8Array>>>();
const MAX_IDENTITIES = 64;

/** The cache entry of an identity, most recently used last. */
async function keysOf(
  credentials: AwsCredentialIdentity,
): Promise<Map<string, Promise<Uint8Array>>> {
  const identity = `${credentials.accessKeyId}:${await sha256Hex(credentials.secretAccessKey)}`;
  let keys = signingKeys.get(identity);
  if (keys) signingKeys.delete(identity);
  else keys = new Map();
  signingKeys.set(identity, keys);
  if (signingKeys.size > MAX_IDENTITIES) signingKeys.delete(signingKeys.keys().next().value!);
  return keys;
}

/** The smithy signer class with the cache in front of its key derivation. @internal */
export function cachingSigningKeys(Base: SmithySignerClass): EngineClass {
  return class CachingSigningKeys extends Base {
    async getSigningKey(
      credentials: AwsCredentialIdentity,
      region: string,
      shortDate: string,
      service?: string,
    ): Promise<Uint8Array> {
      const keys = await keysOf(credentials);
      // smithy passes no service when it signs for its own (`this.service`).
      const scope = `${shortDate}/${region}/${service || (this as unknown as SignerInit).service}`;
      const cached = keys.get(scope);
      if (cached) return cached;
      if (keys.size > 8) keys.clear(); // a long-lived identity crosses days: keep a few
      const key: Promise<Uint8Array> = super.getSigningKey(credentials, region, shortDate, service);
      keys.set(scope, key);
      key.catch(() => keys.delete(scope));
      return key;
    }
  } as unknown as EngineClass;
}
