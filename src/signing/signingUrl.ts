/**
 * The URL a signature is computed for: the request's own, or, with `signingOrigin`, the origin
 * behind the proxy (CloudFront replaces Host with the origin's and may prepend an origin path),
 * with the request's path and query appended. DOMAIN.md §3.
 * @internal
 */
export function signingUrlFor(url: URL, signingOrigin: URL | undefined): URL {
  if (!signingOrigin) return url;
  const signing = new URL(signingOrigin.href);
  // An origin without a path still has pathname '/' (URLs of http(s) always do).
  const originPath = signingOrigin.pathname === '/' ? '' : signingOrigin.pathname;
  signing.pathname = originPath + url.pathname;
  signing.search = url.search;
  return signing;
}
