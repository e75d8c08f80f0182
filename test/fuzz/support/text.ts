import fc from 'fast-check';

/**
 * Characters the fuzz draws from. Mostly the ones where URL, query and header handling differ
 * between clients, servers and signers: reserved and sub-delimiters, `%` and `+`, spaces, and
 * Unicode beyond the BMP. Strings are well-formed UTF-16 (no lone surrogates: what a caller
 * "means" by one is not defined; every layer replaces it with U+FFFD).
 */

const range = (from: number, to: number): string =>
  String.fromCharCode(...Array.from({ length: to - from + 1 }, (_, i) => from + i));

export const ALNUM = `${range(0x30, 0x39)}${range(0x41, 0x5a)}${range(0x61, 0x7a)}`;
/** RFC 3986 unreserved punctuation: never escaped by SigV4. */
export const UNRESERVED_MARKS = '-._~';
/** RFC 3986 gen-delims and sub-delims. */
export const RESERVED = ":/?#[]@!$&'()*+,;=";
/** Other printable ASCII that URLs escape or keep depending on the component. */
export const OTHER_ASCII = ' "%<>\\^`{|}';
/** C0 controls other than TAB, LF and CR (which the URL parser strips), and DEL. */
export const CONTROLS = `${range(0x01, 0x08)}\u000b\u000c${range(0x0e, 0x1f)}\u007f\u0000`;

/** Hand-picked non-ASCII: Latin-1, CJK, an astral emoji, a combining mark, RTL, odd spaces. */
const NAMED_UNICODE = [
  'é',
  'ß',
  '\u00a0',
  '\u00ff',
  '日',
  '本',
  '😀',
  '𝄞',
  'e\u0301',
  'ا',
  '\u200b',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\uffff',
];

/** Any Unicode scalar value above ASCII (surrogate range excluded). */
const anyNonAscii = fc
  .oneof(fc.integer({ min: 0x80, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff }))
  .map((codePoint) => String.fromCodePoint(codePoint));

const charOf = (chars: string): fc.Arbitrary<string> => fc.constantFrom(...chars);

/** One character, weighted towards the interesting ones. */
export const interestingChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: charOf(ALNUM), weight: 4 },
  { arbitrary: charOf(UNRESERVED_MARKS), weight: 1 },
  { arbitrary: charOf(RESERVED), weight: 3 },
  { arbitrary: charOf(OTHER_ASCII), weight: 2 },
  { arbitrary: fc.constantFrom(...NAMED_UNICODE), weight: 2 },
  { arbitrary: anyNonAscii, weight: 1 },
  { arbitrary: charOf(CONTROLS), weight: 1 },
);

/** Text of interesting characters; `exclude` removes characters a component cannot mean. */
export function interestingText(
  maxLength: number,
  exclude = '',
  minLength = 0,
): fc.Arbitrary<string> {
  const unit = exclude ? interestingChar.filter((c) => !exclude.includes(c)) : interestingChar;
  return fc.array(unit, { minLength, maxLength }).map((chars) => chars.join(''));
}

/** `%XX` for each UTF-8 byte of a character, hex digits in a random case. */
export function percentEncoded(char: string): fc.Arbitrary<string> {
  const bytes = [...Buffer.from(char, 'utf8')];
  return fc.array(fc.boolean(), { minLength: bytes.length, maxLength: bytes.length }).map((lower) =>
    bytes
      .map((byte, i) => {
        const hex = byte.toString(16).toUpperCase().padStart(2, '0');
        return `%${lower[i] ? hex.toLowerCase() : hex}`;
      })
      .join(''),
  );
}

/** The upper-case `%XX` form of every UTF-8 byte of a string. */
export const percentEncodeAll = (text: string): string =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
