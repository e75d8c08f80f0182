import { Readable } from 'node:stream';
import LegacyFormData from 'form-data';
import { chunksBytes, sourceBytes, type BodySpec } from './bodies';
import type { Pairs } from './query';

/** A fresh body object for a spec (streams can be read once). */
export function makeBody(spec: BodySpec): unknown {
  switch (spec.kind) {
    case 'string':
      return spec.text;
    case 'Uint8Array':
      return sourceBytes(spec);
    case 'Buffer':
      return Buffer.from(sourceBytes(spec)); // small ones are views into Node's shared pool
    case 'ArrayBuffer':
      return sourceBytes(spec).buffer;
    case 'view':
      return makeView(spec);
    case 'URLSearchParams':
      return new URLSearchParams(spec.pairs);
    case 'FormData':
      return makeForm(spec);
    case 'legacy form-data':
      return makeLegacyForm(spec.fields);
    case 'Blob':
      return new Blob([Uint8Array.from(spec.bytes)], { type: spec.type });
    case 'json':
      return structuredClone(spec.value);
    case 'Node Readable':
      return Readable.from(spec.chunks.map((chunk) => Buffer.from(chunk)));
    case 'ReadableStream':
      return webStream(spec.chunks);
    case 'async iterable':
      return (async function* chunks() {
        for (const chunk of spec.chunks) yield Uint8Array.from(chunk);
      })();
  }
}

/** A view over the middle of a larger buffer: only the viewed bytes may be sent. */
function makeView(spec: Extract<BodySpec, { kind: 'view' }>): ArrayBufferView {
  const backing = new Uint8Array(spec.pad + spec.bytes.length + spec.pad).fill(0xee);
  backing.set(spec.bytes, spec.pad);
  const length = spec.bytes.length;
  if (spec.view === 'DataView') return new DataView(backing.buffer, spec.pad, length);
  if (spec.view === 'Uint16Array') return new Uint16Array(backing.buffer, spec.pad, length / 2);
  return new Uint8Array(backing.buffer, spec.pad, length);
}

function makeForm(spec: Extract<BodySpec, { kind: 'FormData' }>): FormData {
  const form = new FormData();
  for (const entry of spec.entries) {
    if ('value' in entry) form.append(entry.name, entry.value);
    else
      form.append(
        entry.name,
        new Blob([Uint8Array.from(entry.file)], { type: entry.type }),
        entry.filename,
      );
  }
  return form;
}

function makeLegacyForm(fields: Array<[string, string]>): LegacyFormData {
  const form = new LegacyFormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

function webStream(chunks: number[][]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(Uint8Array.from(chunk));
      controller.close();
    },
  });
}

/**
 * application/x-www-form-urlencoded as the URL standard serializes it, written out here rather
 * than taken from URLSearchParams: space as `+`, `*-._` and alphanumerics raw, the rest `%XX`.
 */
function formUrlEncode(pairs: Pairs): string {
  const encode = (text: string) =>
    [...Buffer.from(text, 'utf8')]
      .map((byte) => {
        const char = String.fromCharCode(byte);
        if (byte === 0x20) return '+';
        if (/^[A-Za-z0-9*\-._]$/.test(char)) return char;
        return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      })
      .join('');
  return pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** The exact bytes that must arrive, or 'multipart' for forms (parsed and compared apart). */
export function expectedBodyBytes(spec: BodySpec | undefined): Uint8Array | 'multipart' {
  if (spec === undefined) return new Uint8Array(0);
  switch (spec.kind) {
    case 'string':
      return utf8(spec.text);
    case 'Uint8Array':
    case 'Buffer':
    case 'ArrayBuffer':
      return sourceBytes(spec);
    case 'view':
    case 'Blob':
      return Uint8Array.from(spec.bytes);
    case 'URLSearchParams':
      return utf8(formUrlEncode(spec.pairs));
    case 'FormData':
    case 'legacy form-data':
      return 'multipart';
    case 'json':
      return utf8(JSON.stringify(spec.value));
    case 'Node Readable':
    case 'ReadableStream':
    case 'async iterable':
      return chunksBytes(spec.chunks);
  }
}
