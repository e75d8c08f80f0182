import { SigV4RequestError } from './errors';

/**
 * URLs this module produced; parsing one again would give the same URL, so it is skipped.
 * A WeakSet: it holds nothing alive.
 */
const wireUrls = new WeakSet<URL>();

/** RFC 3986 encoding, as SigV4 canonicalizes query components (encodeURIComponent misses !'()*). */
export function encodeQueryComponent(value: string): string {
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
  if (input instanceof URL && wireUrls.has(input)) return input;
  let url: URL;
  try {
    url = new URL(String(input), locationBase());
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
  url.hash = '';
  const pairs: string[] = [];
  for (const [key, value] of url.searchParams) {
    pairs.push(`${encodeQueryComponent(key)}=${encodeQueryComponent(value)}`);
  }
  url.search = pairs.join('&');
  wireUrls.add(url);
  return url;
}

/** The query of a wire URL, decoded, as @smithy/signature-v4 takes it. @internal */
export function decodedQuery(url: URL): Record<string, string | string[]> {
  // No prototype: a `__proto__` key must be signed like any other, not swallowed.
  const query: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of url.searchParams) {
    const previous = query[key];
    if (previous === undefined) query[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else query[key] = [previous, value];
  }
  return query;
}
