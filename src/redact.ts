/**
 * The one place secrets are masked before a URL or header reaches a message or a log line.
 * Access key ids are not secret (they are sent in clear in every signature) and stay readable.
 * @internal
 */

const MASK = '***';

/** Query parameters of presigned URLs that carry a secret. */
const SECRET_QUERY_PARAMS = new Set(['x-amz-signature', 'x-amz-security-token']);

/**
 * Headers whose values are credentials of some kind, lower case: the SigV4 signature and session
 * token, and the credentials of other schemes a request may carry beside them (a cookie, an API
 * Gateway API key, a proxy's). Masked wherever a header value could be shown.
 */
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-amz-security-token',
  'cookie',
  'set-cookie',
  'x-api-key',
]);

const SIGV4_AUTHORIZATION = /^AWS4-/;

/** Masks the signature and session token of a presigned URL, and any password in it. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return String(url).replace(
      /([?&](?:x-amz-signature|x-amz-security-token)=)[^&#]*/gi,
      `$1${MASK}`,
    );
  }
  if (parsed.password) parsed.password = MASK;
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY_PARAMS.has(key.toLowerCase())) parsed.searchParams.set(key, MASK);
  }
  return parsed.href;
}

/**
 * The value of a header as it may be shown: a SigV4 Authorization keeps its credential scope and
 * signed headers with the signature masked; any other credential-like header is masked whole.
 */
export function redactHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (!CREDENTIAL_HEADERS.has(lower)) return value;
  if (lower === 'authorization' && SIGV4_AUTHORIZATION.test(value.trim())) {
    return value.replace(/Signature=[0-9a-fA-F]+/, `Signature=${MASK}`);
  }
  return MASK;
}

/** `name:value` lines: of a canonical request (no space) or of raw HTTP headers (`Name: value`). */
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):([ \t]*)([^\r\n]*)/gm;

/** Masks the value of every credential-like header line in a block of `name: value` lines. */
export function redactHeaderLines(text: string): string {
  return text.replace(HEADER_LINE, (line, name: string, space: string, value: string) =>
    CREDENTIAL_HEADERS.has(name.toLowerCase())
      ? `${name}:${space}${redactHeader(name, value)}`
      : line,
  );
}

/**
 * Masks every credential-like header line of a canonical request (a cookie or API key the caller
 * signed, the session token) and the session token parameter of a presigned one: a canonical
 * request or string to sign holds no other secret.
 */
export function redactCanonicalRequest(text: string): string {
  return redactHeaderLines(text).replace(/((?:^|&)X-Amz-Security-Token=)[^&\n]*/gim, `$1${MASK}`);
}
