/** `%XX`, or one character outside RFC 3986's unreserved set (a WHATWG path is all ASCII). */
const ESCAPE_OR_RESERVED = /%[0-9A-Fa-f]{2}|[^A-Za-z0-9\-._~/]/g;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

const escaped = (char: string) =>
  `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * An S3 path as S3 canonicalizes it: each segment percent-decoded and encoded again the RFC 3986
 * way (`uriEncode(decode(segment))`), so the sub-delimiters `! ' ( ) * $ , ; = : @` and `+`
 * become `%21 %27 %28 %29 %2A %24 %2C %3B %3D %3A %40 %2B`, escapes are upper-cased and an
 * escaped unreserved character (`%41`) is written plainly. S3 does not normalize `.`, `..` or
 * `//`; an encoded `/` (`%2F`) stays inside its segment. Sending and signing this form is what
 * botocore's S3 client, aws4 and aws4fetch do: what is signed is what S3 computes.
 * @internal
 */
export function s3CanonicalPath(pathname: string): string {
  return pathname.replace(ESCAPE_OR_RESERVED, (match) => {
    if (match.length === 1) return escaped(match); // a raw reserved character, or a lone `%`
    const char = String.fromCharCode(parseInt(match.slice(1), 16));
    return UNRESERVED.test(char) ? char : match.toUpperCase();
  });
}
