import fc from 'fast-check';
import { interestingChar, percentEncodeAll, percentEncoded } from './text';

/**
 * Random request paths, as the caller writes them, with the path that must arrive worked out by
 * a small model of the WHATWG URL path rules (not by `new URL`, which the code under test uses):
 * characters of the path percent-encode set become UTF-8 `%XX`, everything else (`%` and any
 * `%xx` the caller wrote included) travels as written, and dot segments (`.`, `..`, `%2e`...)
 * are resolved. https://url.spec.whatwg.org/#path-state
 */
export interface PathSpec {
  /** What the caller writes after the origin; starts with `/`. */
  written: string;
  /** The path that must arrive, still percent-encoded. */
  expected: string;
}

/** Characters a caller cannot write raw in a path: they end it (`?`, `#`) or become `/` (`\`). */
const NOT_RAW_IN_PATH = '/?#\\';

/**
 * `^` joined the path percent-encode set in a later edition of the URL Standard: Node 24's
 * parser encodes it, Node 20 and 22 send it raw. One probe picks the edition the runtime
 * implements; the rest of the model stays independent of the parser.
 */
const CARET_ENCODED = new URL('http://h/^').pathname === '/%5E';
const PATH_ENCODE_SET = `"#<>?\`{}${CARET_ENCODED ? '^' : ''}`;

/** https://url.spec.whatwg.org/#path-percent-encode-set, in the edition the runtime applies. */
function inPathEncodeSet(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code <= 0x20 || code >= 0x7f || PATH_ENCODE_SET.includes(char);
}

const encodeForPath = (segment: string): string =>
  [...segment].map((char) => (inPathEncodeSet(char) ? percentEncodeAll(char) : char)).join('');

const isSingleDot = (segment: string) => ['.', '%2e'].includes(segment.toLowerCase());
const isDoubleDot = (segment: string) =>
  ['..', '.%2e', '%2e.', '%2e%2e'].includes(segment.toLowerCase());

/** The path a WHATWG parser serializes for `written` (which starts with `/`). */
export function expectedPath(written: string): string {
  const segments = written.slice(1).split('/').map(encodeForPath);
  const output: string[] = [];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (isDoubleDot(segment)) {
      output.pop();
      if (last) output.push('');
    } else if (isSingleDot(segment)) {
      if (last) output.push('');
    } else {
      output.push(segment);
    }
  });
  return `/${output.join('/')}`;
}

const randomTriplet = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.boolean())
  .map(([byte, lower]) => {
    const hex = byte.toString(16).padStart(2, '0');
    return `%${lower ? hex : hex.toUpperCase()}`;
  });

const pathPiece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: interestingChar.filter((c) => !NOT_RAW_IN_PATH.includes(c)), weight: 6 },
  { arbitrary: interestingChar.chain(percentEncoded), weight: 2 },
  { arbitrary: randomTriplet, weight: 1 },
);

const dotSegment = fc.constantFrom('.', '..', '%2e', '%2E', '.%2e', '%2E.', '%2e%2E', '..');

export const segmentArbitrary: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.array(pathPiece, { maxLength: 6 }).map((p) => p.join('')), weight: 8 },
  { arbitrary: dotSegment, weight: 1 },
);

// eslint-disable-next-line no-control-regex -- C0 controls are exactly what is matched
const TRAILING_CONTROLS = /[\u0000-\u0020]+$/;

/**
 * A URL parser strips C0 controls and spaces from the end of the whole URL string: written raw
 * there they would mean nothing, so they are written as `%XX` (the same bytes on the wire).
 */
export const encodeTrailingControls = (written: string): string =>
  written.replace(TRAILING_CONTROLS, percentEncodeAll);

/** A path of 0-5 segments (empty ones give `//` and trailing slashes). */
export const pathArbitrary: fc.Arbitrary<PathSpec> = fc
  .array(segmentArbitrary, { maxLength: 5 })
  .map((segments) => {
    const written = encodeTrailingControls(`/${segments.join('/')}`);
    return { written, expected: expectedPath(written) };
  });
