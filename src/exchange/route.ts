import { assertNoUserinfo } from '../errors';
import { signerInternals } from '../signing/signer';
import type { Signer } from '../types';
import { passUnsigned } from './passUnsigned';

/** What an adapter does with a request, once the signer has said whether to sign it. @internal */
export interface RequestPaths<T> {
  /** Sends the request as the caller made it. */
  unsigned(): Promise<T>;
  /** Signs and sends the request to this URL (an S3 path in S3's canonical form). */
  signed(urlToSend: URL): Promise<T>;
}

/**
 * The decision both adapters make for every request, made here once: a URL out of the signer's
 * scope goes out untouched (logged and explained by src/exchange/passUnsigned.ts); one in scope
 * is refused if it carries `user:password@`, and is sent to the URL the signer signs.
 * @internal
 */
export function routeRequest<T>(
  signer: Signer,
  method: string,
  url: URL,
  paths: RequestPaths<T>,
): Promise<T> {
  const upper = method.toUpperCase();
  if (!signer.appliesTo(url)) return passUnsigned(signer, { method: upper, url }, paths.unsigned);
  assertNoUserinfo(url, upper);
  return paths.signed(signerInternals(signer).urlToSend(url, upper));
}
