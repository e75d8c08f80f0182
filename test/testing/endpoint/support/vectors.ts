import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RawRequest, TestIdentity } from 'aws-sigv4-interceptor/testing';
import { VECTORS_DIR } from '../../../support/vectors';

/**
 * The AWS SigV4 test suite as data, read in place from test/fixtures/sigv4-test-suite (see its
 * README.md).
 * Every case signs with the same identity, region, service and date.
 */

export const VECTOR_IDENTITY = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
} as const;
export const VECTOR_REGION = 'us-east-1';
export const VECTOR_SERVICE = 'service';
export const VECTOR_NOW = new Date('2015-08-30T12:36:00Z');

/** One case: the signed request as bytes, and the expected canonical request, string to sign and Authorization. */
export interface Vector {
  name: string;
  sreq: Buffer;
  creq: string;
  sts: string;
  authz: string;
  /** Set for the post-sts-token cases: the session token the suite signs with. */
  sessionToken?: string;
}

/** Every folder holding `NAME/NAME.sreq`, depth first, sorted by name. */
function vectorFolders(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((entry) => path.join(dir, entry))
    .filter((entry) => statSync(entry).isDirectory())
    .flatMap((folder) => {
      const own = readdirSync(folder).includes(`${path.basename(folder)}.sreq`) ? [folder] : [];
      return [...own, ...vectorFolders(folder)];
    });
}

/**
 * The suite's session token, read from post-sts-token/readme.txt rather than from the signed
 * request, so that the token check compares two independent copies.
 */
function suiteSessionToken(): string {
  const readme = readFileSync(path.join(VECTORS_DIR, 'post-sts-token', 'readme.txt'), 'utf8');
  const match = /X-Amz-Security-Token:\s*\n\s*\n(\S+)/.exec(readme);
  if (!match) throw new Error('no session token found in post-sts-token/readme.txt');
  return match[1];
}

/** Loads every vector. */
export function loadVectors(): Vector[] {
  const token = suiteSessionToken();
  return vectorFolders(VECTORS_DIR).map((folder) => {
    const name = path.basename(folder);
    const read = (ext: string): Buffer => readFileSync(path.join(folder, `${name}.${ext}`));
    const sts = folder.includes(`${path.sep}post-sts-token${path.sep}`);
    return {
      name,
      sreq: read('sreq'),
      creq: read('creq').toString('utf8'),
      sts: read('sts').toString('utf8'),
      authz: read('authz').toString('utf8'),
      ...(sts ? { sessionToken: token } : {}),
    };
  });
}

/** The identity a vector is signed with. */
export function vectorIdentity(vector: Vector): TestIdentity {
  return vector.sessionToken === undefined
    ? { ...VECTOR_IDENTITY }
    : { ...VECTOR_IDENTITY, sessionToken: vector.sessionToken };
}

/** How a folded header line (obs-fold: a line starting with a space or tab) is unfolded. */
export type Unfold = 'repeated-field' | 'single-space';

/**
 * Parses an .sreq file into the RawRequest a server would see: request target between the first
 * and the last space of the request line (as written, `/example space/` included), header values
 * trimmed as node trims them, body = every byte after the blank line.
 *
 * Folded lines: RFC 9112 §5.2 lets a recipient replace each obs-fold with a space
 * (`single-space`). The suite reads each continuation line as one more value of the field instead
 * (its creq has `value1,value2,value3`), which `repeated-field` reproduces.
 */
export function parseSignedRequest(sreq: Buffer, unfold: Unfold = 'repeated-field'): RawRequest {
  const text = sreq.toString('utf8');
  const blank = text.search(/\r?\n\r?\n/);
  const head = blank < 0 ? text : text.slice(0, blank);
  const bodyText = blank < 0 ? '' : text.slice(blank).replace(/^\r?\n\r?\n/, '');
  const [requestLine, ...headerLines] = head.split(/\r?\n/);
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const rawUrl = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' '));
  const rawHeaders: string[] = [];
  for (const line of headerLines) {
    if (/^[ \t]/.test(line)) {
      if (unfold === 'repeated-field')
        rawHeaders.push(rawHeaders[rawHeaders.length - 2], line.trim());
      else rawHeaders[rawHeaders.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    rawHeaders.push(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return { method, rawUrl, rawHeaders, body: new Uint8Array(Buffer.from(bodyText, 'utf8')) };
}

/**
 * The bytes a client would write for a vector: the .sreq with CRLF line ends, plus the two
 * unsigned headers HTTP/1.1 needs here (`Content-Length` for a body, `Connection: close`).
 */
export function toWireBytes(sreq: Buffer): Buffer {
  const text = sreq.toString('utf8');
  const blank = text.search(/\n\n/);
  const head = blank < 0 ? text : text.slice(0, blank);
  const body = blank < 0 ? Buffer.alloc(0) : Buffer.from(text.slice(blank + 2), 'utf8');
  const lines = head.split('\n');
  if (body.length > 0) lines.push(`Content-Length: ${body.length}`);
  lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
}
