import { headerValues } from './rawHeaders';

/** Trims a value and collapses inner whitespace runs to one space, as SigV4 canonicalizes. */
function canonicalValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/**
 * The CanonicalHeaders block: one `name:value` line per signed header (each followed by `\n`),
 * repeated fields joined with `,` in received order. A signed header that was not received gets
 * an empty value, so the signature cannot match.
 * @internal
 */
export function canonicalHeaders(rawHeaders: readonly string[], signedHeaders: string[]): string {
  return signedHeaders
    .map((name) => `${name}:${headerValues(rawHeaders, name).map(canonicalValue).join(',')}\n`)
    .join('');
}

/**
 * The SignedHeaders list as a correct signer writes it: lower-case, sorted, no duplicates or empty
 * names. The server builds its canonical request from this form, so a client that sends an
 * unsorted or upper-case list fails with a canonical string that shows the expected form.
 * @internal
 */
export function normalizeSignedHeaders(list: string): string[] {
  const names = list
    .split(';')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0);
  return [...new Set(names)].sort();
}
