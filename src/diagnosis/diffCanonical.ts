/**
 * Part-by-part comparison of the canonical request we signed with the server's: query parameter
 * by parameter and headers by name, so that one changed value shows as one line, not as a whole
 * different block. Inputs are already masked (canonicalParts.ts), so no secret reaches a line.
 */
import type { CanonicalParts } from './canonicalParts';
import type { CanonicalDifference, CanonicalPart } from './types';

type Pairs = ReadonlyArray<readonly [string, string]>;

function single(part: CanonicalPart, signed: string, received: string): CanonicalDifference[] {
  return signed === received ? [] : [{ part, signed, received }];
}

/** Values per name, joined with `,` (canonical values are encoded, so `,` is unambiguous). */
function byName(pairs: Pairs): Map<string, string> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of pairs) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  return new Map([...grouped].map(([name, values]) => [name, values.join(',')]));
}

function named(part: CanonicalPart, signed: Pairs, received: Pairs): CanonicalDifference[] {
  const ours = byName(signed);
  const theirs = byName(received);
  const names = [...new Set([...ours.keys(), ...theirs.keys()])];
  return names
    .filter((name) => ours.get(name) !== theirs.get(name))
    .map((name) => ({ part, name, signed: ours.get(name), received: theirs.get(name) }));
}

/** Every difference between two canonical requests, in canonical order. @internal */
export function diffCanonical(
  signed: CanonicalParts,
  received: CanonicalParts,
): CanonicalDifference[] {
  return [
    ...single('method', signed.method, received.method),
    ...single('path', signed.path, received.path),
    ...named('query', signed.query, received.query),
    ...named('header', signed.headers, received.headers),
    ...single('signed-headers', signed.signedHeaders.join(';'), received.signedHeaders.join(';')),
    ...single('payload-hash', signed.payloadHash, received.payloadHash),
  ];
}

/** The string-to-sign lines compared; the fourth (the canonical request's hash) says nothing more. */
const STRING_TO_SIGN_LINES = ['algorithm', 'date', 'scope'] as const;

/** Differences in algorithm, date or credential scope between two strings to sign. @internal */
export function diffStringToSign(signed: string, received: string): CanonicalDifference[] {
  const ours = signed.split('\n');
  const theirs = received.split('\n');
  return STRING_TO_SIGN_LINES.flatMap((name, index) =>
    ours[index] === theirs[index]
      ? []
      : [{ part: 'string-to-sign' as const, name, signed: ours[index], received: theirs[index] }],
  );
}
