import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The AWS SigV4 test suite, as data in the repository (see its README.md for origin and licence). */
export const VECTORS_DIR = resolve(__dirname, '../fixtures/sigv4-test-suite');

export const VECTOR_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
export const VECTOR_DATE = new Date('2015-08-30T12:36:00Z');

export interface Vector {
  name: string;
  method: string;
  /** Path and query exactly as written in the .req file (not always wire-valid). */
  target: string;
  /** Header lines in order; folded continuation lines are kept as separate values. */
  headers: Array<[string, string[]]>;
  body: string;
  creq: string;
  sts: string;
  authz: string;
}

function parseHeaders(lines: string[]): Array<[string, string[]]> {
  const headers: Array<[string, string[]]> = [];
  for (const line of lines) {
    if (/^\s/.test(line)) {
      headers[headers.length - 1][1].push(line.trim()); // obsolete line folding
      continue;
    }
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), [line.slice(colon + 1)]]);
  }
  return headers;
}

function readVector(dir: string, name: string): Vector {
  const read = (ext: string) => readFileSync(join(dir, `${name}.${ext}`), 'utf8');
  const [head, ...bodyParts] = read('req').split('\n\n');
  const [requestLine, ...headerLines] = head.split('\n');
  const [method, ...rest] = requestLine.split(' ');
  return {
    name,
    method,
    target: rest.slice(0, -1).join(' '),
    headers: parseHeaders(headerLines),
    body: bodyParts.join('\n\n'),
    creq: read('creq'),
    sts: read('sts'),
    authz: read('authz'),
  };
}

/** Every vector folder (nested ones included), sorted by name. */
export function loadVectors(dir = VECTORS_DIR): Vector[] {
  const vectors: Vector[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) continue;
    const hasReq = readdirSync(path).includes(`${entry}.req`);
    vectors.push(...(hasReq ? [readVector(path, entry)] : loadVectors(path)));
  }
  return vectors;
}

/** The session token the post-sts-token vectors use (from their readme). */
export function vectorSessionToken(): string {
  const readme = readFileSync(join(VECTORS_DIR, 'post-sts-token', 'readme.txt'), 'utf8');
  return /X-Amz-Security-Token:\s*\n\s*(\S+)/.exec(readme)![1];
}
