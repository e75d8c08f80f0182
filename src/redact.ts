/**
 * The one place secrets are masked before a URL or header reaches a message or a log line.
 * Access key ids are not secret (they are sent in clear in every signature) and stay readable.
 * @internal
 */

const MASK = '***';

/** Query parameters of presigned URLs that carry a secret. */
const SECRET_QUERY_PARAMS = new Set(['x-amz-signature', 'x-amz-security-token']);

/** Headers whose values carry a secret, in whole or in part. */
const SECRET_HEADERS = new Set(['authorization', 'x-amz-security-token']);

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

/** Masks the signature in an Authorization value and any session token. */
export function redactHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (!SECRET_HEADERS.has(lower)) return value;
  if (lower === 'authorization')
    return value.replace(/Signature=[0-9a-fA-F]+/, `Signature=${MASK}`);
  return MASK;
}

/** A copy of `headers` that is safe to print. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) safe[name] = redactHeader(name, value);
  return safe;
}

/**
 * Masks the session token in a canonical request (its header line, or its query parameter in a
 * presigned request): the only secret a canonical request or string to sign can hold.
 */
export function redactCanonicalRequest(text: string): string {
  return text
    .replace(/^(x-amz-security-token:).*$/gm, `$1${MASK}`)
    .replace(/((?:^|&)X-Amz-Security-Token=)[^&\n]*/gim, `$1${MASK}`);
}
