import { percentDecode, uriEncode } from './encoding';

/**
 * Removes empty and `.` segments and lets `..` drop the previous one, keeping a leading `/` and,
 * when anything is left, a trailing one. Works on the raw (still encoded) path, like AWS: an
 * encoded `%2E%2E` is not a `..` segment.
 */
function normalizePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const leading = path.startsWith('/') ? '/' : '';
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `${leading}${segments.join('/')}${trailing}`;
}

/**
 * S3's CanonicalURI: the object key as S3 reads it (each segment percent-decoded), encoded once
 * the RFC 3986 way, segment by segment, with no normalization. A key sent with raw
 * sub-delimiters (`/a(1)`) is canonicalized as `/a%281%29`, as S3 itself does.
 */
const s3CanonicalUri = (rawPath: string): string =>
  rawPath
    .split('/')
    .map((segment) => uriEncode(percentDecode(segment)))
    .join('/');

/**
 * The CanonicalURI line. Every service but S3 normalizes the path as received and encodes it once
 * more, so a `%20` on the wire is signed as `%2520` (double encoding); S3 decodes each segment
 * and encodes it once.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 * @internal
 */
export function canonicalUri(rawPath: string, uriEscapePath: boolean): string {
  if (!uriEscapePath) return rawPath === '' ? '/' : s3CanonicalUri(rawPath);
  return uriEncode(normalizePath(rawPath), '/') || '/';
}
