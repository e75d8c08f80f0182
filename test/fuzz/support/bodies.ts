import fc from 'fast-check';
import { interestingText } from './text';
import { pairsArbitrary, type Pairs } from './query';

/**
 * Random bodies of every type the package reads, as plain data (so a counterexample prints
 * readably); `makeBody` builds the real object and `expectedBodyBytes` the bytes that must arrive.
 */
export type ByteSource = { bytes: number[]; repeat: number };

export type FormEntry =
  | { name: string; value: string }
  | { name: string; file: number[]; filename: string; type: string };

export type BodySpec =
  | { kind: 'string'; text: string }
  | ({ kind: 'Uint8Array' | 'Buffer' | 'ArrayBuffer' } & ByteSource)
  | { kind: 'view'; view: 'Uint8Array' | 'Uint16Array' | 'DataView'; bytes: number[]; pad: number }
  | { kind: 'URLSearchParams'; pairs: Pairs }
  | { kind: 'FormData'; entries: FormEntry[] }
  | { kind: 'legacy form-data'; fields: Array<[string, string]> }
  | { kind: 'Blob'; bytes: number[]; type: string }
  | { kind: 'json'; value: unknown }
  | { kind: 'Node Readable' | 'ReadableStream' | 'async iterable'; chunks: number[][] };

export type BodyKind = BodySpec['kind'];

/** Mostly small; now and then repeated up to ~1 MB, to cross buffer and chunk boundaries. */
const byteSource: fc.Arbitrary<ByteSource> = fc.record({
  bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 48 }),
  repeat: fc.oneof(
    { arbitrary: fc.constant(1), weight: 30 },
    { arbitrary: fc.integer({ min: 2, max: 25_000 }), weight: 1 },
  ),
});

/**
 * Names, values and filenames a multipart body carries as they are: the serializer escapes `"`,
 * CR and LF in names as `%22`, `%0D`, `%0A` (so a literal `%0D` reads back as CR) and normalizes
 * newlines in values, and the UTF-8 decoder that parses the form back drops a leading BOM. Those
 * are properties of multipart, not of the request on the wire.
 */
const formText = (max: number, min = 0) => interestingText(max, '"\r\n\ufeff%', min);

const formEntry: fc.Arbitrary<FormEntry> = fc.oneof(
  fc.record({ name: formText(6), value: formText(12) }),
  fc.record({
    name: formText(6),
    file: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }),
    filename: formText(8, 1),
    type: fc.constantFrom('', 'image/png', 'text/plain', 'application/x-fuzz'),
  }),
);

const chunks = fc.array(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 32 }), {
  maxLength: 4,
});

const ARBITRARIES: Record<BodyKind, fc.Arbitrary<BodySpec>> = {
  string: interestingText(40).map((text) => ({ kind: 'string', text })),
  Uint8Array: byteSource.map((s) => ({ kind: 'Uint8Array', ...s })),
  Buffer: byteSource.map((s) => ({ kind: 'Buffer', ...s })),
  ArrayBuffer: byteSource.map((s) => ({ kind: 'ArrayBuffer', ...s })),
  view: fc
    .record({
      view: fc.constantFrom('Uint8Array', 'Uint16Array', 'DataView'),
      words: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 24 }),
      pad: fc.integer({ min: 0, max: 4 }),
    })
    // Uint16Array views need an even length and offset: whole 2-byte words, padding in words.
    .map(({ view, words, pad }) => ({
      kind: 'view',
      view,
      bytes: words.flatMap((w) => [w, 255 - w]),
      pad: pad * 2,
    })),
  URLSearchParams: pairsArbitrary.map((pairs) => ({ kind: 'URLSearchParams', pairs })),
  FormData: fc.array(formEntry, { maxLength: 4 }).map((entries) => ({ kind: 'FormData', entries })),
  'legacy form-data': fc
    .array(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), formText(12)), { maxLength: 3 })
    .map((fields) => ({ kind: 'legacy form-data', fields })),
  Blob: fc
    .record({
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }),
      type: fc.constantFrom('', 'application/x-fuzz', 'text/plain;charset=utf-8', 'image/png'),
    })
    .map((b) => ({ kind: 'Blob', ...b })),
  // axios deep-merges its config, data included, so it drops own `__proto__` keys itself.
  json: fc
    .oneof(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), fc.array(fc.jsonValue()))
    .filter((value) => !JSON.stringify(value).includes('"__proto__"'))
    .map((value) => ({ kind: 'json', value })),
  'Node Readable': chunks.map((c) => ({ kind: 'Node Readable', chunks: c })),
  ReadableStream: chunks.map((c) => ({ kind: 'ReadableStream', chunks: c })),
  'async iterable': chunks.map((c) => ({ kind: 'async iterable', chunks: c })),
};

/** A body of one of these kinds. */
export const bodyArbitrary = (kinds: readonly BodyKind[]): fc.Arbitrary<BodySpec> =>
  fc.oneof(...kinds.map((kind) => ARBITRARIES[kind]));

/** The bytes of a repeated source. */
export function sourceBytes({ bytes, repeat }: ByteSource): Uint8Array {
  const out = new Uint8Array(bytes.length * repeat);
  for (let i = 0; i < repeat; i += 1) out.set(bytes, i * bytes.length);
  return out;
}

export const chunksBytes = (parts: number[][]): Uint8Array => Uint8Array.from(parts.flat());
