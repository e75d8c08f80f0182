import { SigV4RequestError } from '../errors';

/** A query's decoded key/value pairs, in order. */
type QueryPairs = ReadonlyArray<readonly [string, string]>;

/**
 * A URL this module produced: parsing it again would give the same URL, so it is not, and its
 * query is kept decoded, as the signer takes it. A class rather than a WeakSet of URLs: telling
 * one apart is a prototype check, where adding to a weak collection costs as much as parsing.
 */
class WireUrl extends URL {
  queryPairs: QueryPairs = [];
}

/** Characters RFC 3986 leaves unencoded in a query component: nothing to do for them. */
const UNRESERVED = /^[A-Za-z0-9._~-]*$/;

/** RFC 3986 encoding, as SigV4 canonicalizes query components (encodeURIComponent misses !'()*). */
export function encodeQueryComponent(value: string): string {
  if (UNRESERVED.test(value)) return value;
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Base for relative URLs: the page's location in a browser, none in Node. */
function locationBase(): string | undefined {
  return (globalThis as { location?: { href?: string } }).location?.href;
}

/**
 * The URL exactly as it will be sent and signed. The path keeps the WHATWG form every client
 * sends; the query is rewritten with each key and value RFC 3986-encoded, in the caller's order.
 * Why: a raw query is ambiguous (`+` is a space to URLSearchParams and axios, a plus to others,
 * `[`, `]`, `:` travel raw or encoded depending on the client), and the server decodes what it
 * receives before it canonicalizes. Sending the canonical encoding leaves no room for the client
 * and the server to disagree. `+` in a query therefore means a space, as in a form; write a
 * literal plus as `%2B`.
 * @internal
 */
export function toWireUrl(input: string | URL, method?: string): URL {
  if (input instanceof WireUrl) return input;
  let url: WireUrl;
  try {
    url = new WireUrl(String(input), locationBase());
  } catch {
    // No `cause`: the URL parser's TypeError keeps the raw input (a session token, a signature)
    // in its `input` property, out of reach of the masking SigV4Error applies to `url`.
    throw new SigV4RequestError(
      'INVALID_URL',
      'Cannot sign a request with an invalid URL',
      'pass an absolute URL such as https://abc123.execute-api.eu-west-1.amazonaws.com/prod/path',
      { method, url: String(input) },
    );
  }
  if (url.hash || url.href.endsWith('#')) url.hash = ''; // `#` alone: an empty `hash`
  url.queryPairs = canonicalizeQuery(url);
  return url;
}

/**
 * Rewrites the query in its canonical encoding; returns it decoded. Setting `search` makes the
 * URL parse its whole text again, so a query already canonical (the usual case) is left as is.
 */
function canonicalizeQuery(url: URL): QueryPairs {
  const query = url.search.slice(1);
  if (query === '') {
    if (url.href.endsWith('?')) url.search = ''; // an empty query: no `?` on the wire
    return [];
  }
  const canonical = canonicalPairs(query);
  if (canonical) return canonical;
  const pairs = [...url.searchParams];
  url.search = pairs
    .map(([key, value]) => `${encodeQueryComponent(key)}=${encodeQueryComponent(value)}`)
    .join('&');
  return pairs;
}

/** RFC 3986's unreserved characters, by character code: left as they are in a query. */
const UNRESERVED_CODES = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') {
  UNRESERVED_CODES[c.charCodeAt(0)] = 1;
}
const isUnreserved = (code: number) => code < 128 && UNRESERVED_CODES[code] === 1;

/** The value of an upper-case hex digit (canonical escapes use no other), else -1. */
const hexDigit = (code: number) =>
  code >= 48 && code <= 57 ? code - 48 : code >= 65 && code <= 70 ? code - 55 : -1;

/**
 * A query component decoded, when it is written in canonical form (what `encodeQueryComponent`
 * of its decoded text gives back), else undefined. One pass over its characters: unreserved
 * ones as they are, anything else escaped as `%XX`, upper-case, UTF-8.
 */
function decodedIfCanonical(text: string): string | undefined {
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isUnreserved(code)) continue;
    if (code !== 0x25) return undefined; // `%`: any other character would be escaped
    const high = hexDigit(text.charCodeAt(i + 1));
    const low = hexDigit(text.charCodeAt(i + 2));
    if (high < 0 || low < 0 || isUnreserved(high * 16 + low)) return undefined;
    escaped = true;
    i += 2;
  }
  if (!escaped) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined; // not UTF-8 once decoded: URLSearchParams substitutes U+FFFD
  }
}

/**
 * The decoded pairs of a query written in canonical form (each key and value RFC 3986-encoded,
 * `key=value` joined by `&`), or undefined for any other query. Read from the text with the
 * native decoder: a URL's `searchParams` parse it in JavaScript, at several times the cost.
 */
function canonicalPairs(query: string): Array<[string, string]> | undefined {
  const pairs: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    const equals = part.indexOf('=');
    if (equals === -1) return undefined;
    const key = decodedIfCanonical(part.slice(0, equals));
    const value = key === undefined ? undefined : decodedIfCanonical(part.slice(equals + 1));
    if (value === undefined) return undefined;
    pairs.push([key!, value]);
  }
  return pairs;
}

/** The query of a wire URL (or one with the same query), decoded, as @smithy/signature-v4 takes it. @internal */
export function decodedQuery(url: URL): Record<string, string | string[]> {
  // No prototype: a `__proto__` key must be signed like any other, not swallowed.
  const query: Record<string, string | string[]> = Object.create(null);
  const search = url.search.slice(1);
  const pairs =
    url instanceof WireUrl
      ? url.queryPairs
      : search === ''
        ? []
        : (canonicalPairs(search) ?? url.searchParams);
  for (const [key, value] of pairs) {
    const previous = query[key];
    if (previous === undefined) query[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else query[key] = [previous, value];
  }
  return query;
}
