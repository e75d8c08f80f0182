import type { Signer } from '../types';
import { APPSYNC_SIGNED_HEADERS } from './constants';
import type { AppSyncIamAuthorization } from './types';

/**
 * Signs a POST of `body` to `url` as AppSync verifies it over WebSocket, and gives the signed
 * headers in the shape AppSync's real-time protocol carries them: the fixed `accept`,
 * `content-encoding` and `content-type`, the API's `host`, `x-amz-date`, then
 * `X-Amz-Security-Token` and `Authorization` spelled as in AWS's guide ("Header parameter format
 * based on AWS AppSync API authorization mode", IAM). `x-amz-content-sha256` is neither signed nor
 * sent: AppSync hashes the body it rebuilds itself.
 * @internal
 */
export async function appSyncAuthorization(
  signer: Signer,
  url: URL,
  body: string,
): Promise<AppSyncIamAuthorization> {
  const signed = await signer.sign({ method: 'POST', url, headers: APPSYNC_SIGNED_HEADERS, body });
  const token = signed['x-amz-security-token'];
  return {
    ...APPSYNC_SIGNED_HEADERS,
    host: url.host,
    'x-amz-date': signed['x-amz-date'],
    ...(token === undefined ? {} : { 'X-Amz-Security-Token': token }),
    Authorization: signed.authorization,
  };
}
