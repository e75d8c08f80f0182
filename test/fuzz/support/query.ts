import fc from 'fast-check';
import { encodeTrailingControls } from './path';
import { interestingText, percentEncoded } from './text';

/**
 * Random queries: the decoded pairs the caller means, and one of the many ways to write them
 * (raw, `%XX` in either case, a space as ` `, `+` or `%20`, keys without `=`, stray `&`). The
 * README's rule: in a query `+` means a space and a literal plus is `%2B`.
 */
export type Pairs = Array<[string, string]>;

export interface QuerySpec {
  /** The decoded pairs, in order: what must arrive. */
  pairs: Pairs;
  /** The query as the caller writes it in the URL: `''`, or `?` and the pairs. */
  written: string;
}

/** Characters that must be escaped to mean themselves in a key (values may hold a raw `=`). */
const ESCAPED_IN_KEY = '&=+#%';
const ESCAPED_IN_VALUE = '&+#%';

function writeChar(char: string, escaped: string): fc.Arbitrary<string> {
  if (char === ' ') return fc.constantFrom(' ', '+', '%20');
  if (escaped.includes(char)) return percentEncoded(char);
  return fc.oneof({ arbitrary: fc.constant(char), weight: 3 }, percentEncoded(char));
}

/** One way of writing a key or value so that it decodes back to `text`. */
export function writeComponent(text: string, escaped: string): fc.Arbitrary<string> {
  const chars = [...text];
  if (chars.length === 0) return fc.constant('');
  return fc.tuple(...chars.map((char) => writeChar(char, escaped))).map((parts) => parts.join(''));
}

/**
 * Keys from a small dictionary repeat often: case and sort-order neighbours, SigV4 names that
 * header auth still signs as plain parameters, and names special to JavaScript objects. The rest
 * come from the whole interesting set. Left out: X-Amz-Algorithm/Credential/Signature (they
 * make a request presigned, and the endpoint, like AWS, refuses two auth mechanisms) and
 * `__proto__` (see the regression test "a query parameter named __proto__").
 */
const KEY_DICTIONARY = [
  ...['a', 'A', 'a~', 'a.', 'é', '', 'ids[]'],
  ...['x-amz-date', 'X-Amz-Security-Token', 'X-Amz-Expires'],
  ...['constructor', 'toString', 'hasOwnProperty', 'prototype'],
];
export const queryKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...KEY_DICTIONARY),
  interestingText(6),
);
export const queryValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('', '1', 'a b', 'a+b', '%2B', '日本'), weight: 1 },
  { arbitrary: interestingText(8), weight: 3 },
);

export const pairsArbitrary: fc.Arbitrary<Pairs> = fc.array(fc.tuple(queryKey, queryValue), {
  maxLength: 5,
});

function writePair([key, value]: [string, string]): fc.Arbitrary<string> {
  const omitEquals = value === '' && key !== '' ? fc.boolean() : fc.constant(false);
  return fc
    .tuple(writeComponent(key, ESCAPED_IN_KEY), writeComponent(value, ESCAPED_IN_VALUE), omitEquals)
    .map(([k, v, omit]) => (omit ? k : `${k}=${v}`));
}

/** Writes pairs as a query, sometimes with empty `&&` parts, which mean nothing. */
export function writeQuery(pairs: Pairs): fc.Arbitrary<string> {
  const separator = fc.constantFrom('&', '&', '&', '&&');
  const parts = pairs.length === 0 ? fc.constant([]) : fc.tuple(...pairs.map(writePair));
  return fc
    .tuple(
      parts,
      fc.array(separator, { minLength: pairs.length, maxLength: pairs.length }),
      fc.boolean(),
    )
    .map(([written, separators, markWhenEmpty]) => {
      if (written.length === 0) return markWhenEmpty ? '?' : '';
      const parts = written.map((part, i) => (i === 0 ? part : `${separators[i]}${part}`));
      return encodeTrailingControls(`?${parts.join('')}`);
    });
}

export const queryArbitrary: fc.Arbitrary<QuerySpec> = pairsArbitrary.chain((pairs) =>
  writeQuery(pairs).map((written) => ({ pairs, written })),
);
