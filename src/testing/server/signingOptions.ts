import type { ResolvedVerifyOptions } from '../verifier/options';
import type { LocalSigningOptions } from '../types';

/**
 * The options a signer needs to be accepted by an endpoint listening on `host` (`127.0.0.1:PORT`):
 * what it verifies (region, service, its first identity), with `host` as the only host in scope.
 * @internal
 */
export function localSigningOptions(
  verify: ResolvedVerifyOptions,
  host: string,
): LocalSigningOptions {
  if (verify.credentials.length === 0) {
    throw new TypeError('signingOptions: the endpoint accepts no identity (credentials: [])');
  }
  const [{ accessKeyId, secretAccessKey, sessionToken }] = verify.credentials;
  return {
    region: verify.region,
    service: verify.service,
    hosts: [host],
    credentials: {
      accessKeyId,
      secretAccessKey,
      ...(sessionToken === undefined ? {} : { sessionToken }),
    },
  };
}
