import { decodeUtf8, uriEncode } from './encoding';
import { parseRawQuery } from './rawUrl';

/**
 * The CanonicalQueryString line: every parameter decoded then re-encoded with RFC 3986 (so `~`
 * and `%7E` sign alike, `%2b` signs as `%2B`, and a literal `+` also signs as `%2B`, never as a
 * space), sorted by encoded key then encoded value, joined with `&`. Parameters named in `exclude`
 * (decoded names, e.g. `X-Amz-Signature` for presigned URLs) are left out.
 * @internal
 */
export function canonicalQuery(rawQuery: string, exclude: readonly string[] = []): string {
  const excluded = new Set(exclude);
  const pairs = parseRawQuery(rawQuery)
    .filter(({ key }) => !excluded.has(decodeUtf8(key)))
    .map(({ key, value }) => [uriEncode(key), uriEncode(value)] as const);
  // Encoded text is ASCII, so comparing code units is comparing bytes, as AWS sorts.
  pairs.sort(([keyA, valueA], [keyB, valueB]) =>
    keyA !== keyB ? compare(keyA, keyB) : compare(valueA, valueB),
  );
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
