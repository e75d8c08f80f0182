import { decodeUtf8, percentDecode } from './encoding';

/** A request target split at its first `?`, nothing decoded. @internal */
export interface SplitUrl {
  path: string;
  /** What follows the first `?`; `''` when there is none. */
  rawQuery: string;
}

/** One `key=value` part of a raw query, raw and decoded. @internal */
export interface QueryParam {
  rawKey: string;
  rawValue: string;
  key: Uint8Array;
  value: Uint8Array;
}

/** Splits `req.url` into path and raw query. @internal */
export function splitRawUrl(rawUrl: string): SplitUrl {
  const mark = rawUrl.indexOf('?');
  if (mark < 0) return { path: rawUrl, rawQuery: '' };
  return { path: rawUrl.slice(0, mark), rawQuery: rawUrl.slice(mark + 1) };
}

/**
 * The parameters of a raw query in received order: split on `&`, empty parts skipped, each split
 * at its first `=` (no `=` means an empty value), keys and values percent-decoded.
 * @internal
 */
export function parseRawQuery(rawQuery: string): QueryParam[] {
  return rawQuery
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => {
      const equals = part.indexOf('=');
      const rawKey = equals < 0 ? part : part.slice(0, equals);
      const rawValue = equals < 0 ? '' : part.slice(equals + 1);
      return { rawKey, rawValue, key: percentDecode(rawKey), value: percentDecode(rawValue) };
    });
}

/** The decoded `[key, value]` pairs of a raw query, as text, in received order. @internal */
export function decodedQueryPairs(rawQuery: string): Array<[string, string]> {
  return parseRawQuery(rawQuery).map(({ key, value }) => [decodeUtf8(key), decodeUtf8(value)]);
}
