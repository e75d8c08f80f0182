import { SigV4RequestError } from '../errors';
import { HOST_HEADER } from '../constants';

/**
 * fetch never sends a Host header of the caller's: it sends the URL's host, so a signature over
 * the caller's Host would be refused. Refused here, before anything is sent, with the two ways
 * to get what a custom Host is usually for. (axios does send it: the axios adapter signs it.)
 * See DOMAIN.md §3 and §6.
 * @internal
 */
export function assertNoHostHeader(headers: Headers, method: string, url: URL): void {
  if (!headers.has(HOST_HEADER)) return;
  throw new SigV4RequestError(
    'INVALID_REQUEST',
    "Cannot sign a Host header with fetch, which sends the URL's host instead",
    'remove it; behind CloudFront or a proxy pass the `signingOrigin` option; for a private API through a VPC endpoint send the header x-apigw-api-id: <api id> to the vpce host',
    { method, url },
  );
}
