import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { DataArgument } from './args';
import { UsageError } from './usageError';

const encoder = new TextEncoder();
const AMPERSAND = encoder.encode('&');

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function readSource(path: string, stdin: Readable, flag: string): Promise<Uint8Array> {
  if (path === '-') return readAll(stdin);
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`${flag} @${path}: cannot read the file (${code})`);
  }
}

/** Removes CR and LF, as curl's `-d @file` does (`--data-binary` keeps them). */
const withoutLineBreaks = (bytes: Uint8Array) =>
  Buffer.from(bytes.filter((b) => b !== 13 && b !== 10));

async function bytesOf({ value, binary }: DataArgument, stdin: Readable): Promise<Uint8Array> {
  if (!value.startsWith('@')) return encoder.encode(value);
  const bytes = await readSource(value.slice(1), stdin, binary ? '--data-binary' : '-d');
  return binary ? bytes : withoutLineBreaks(bytes);
}

/**
 * The request body the data flags make, as curl makes it: each `-d` / `--data-binary` value (a
 * literal, `@file`, or `@-` for stdin) in command-line order, joined with `&`.
 * @returns undefined when no data flag was given
 * @throws {@link UsageError} naming the flag and file when a file cannot be read
 * @internal
 */
export async function readRequestBody(
  data: readonly DataArgument[],
  stdin: Readable,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (data.length === 0) return undefined;
  const parts: Uint8Array[] = [];
  for (const [index, argument] of data.entries()) {
    if (index > 0) parts.push(AMPERSAND);
    parts.push(await bytesOf(argument, stdin));
  }
  return Buffer.concat(parts);
}
