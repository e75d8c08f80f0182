/**
 * A canonical request split into its six parts, with every secret value masked. Both smithy and
 * the server write it as: method, path, query, one `name:value` line per header, a blank line, the
 * signed header list, the payload hash.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 */
import { SECURITY_TOKEN_HEADER } from '../constants';
import { redactHeader } from '../redact';

const MASK = '***';

/** Query parameters that carry a secret (presigned URLs). */
const SECRET_PARAMS = new Set([SECURITY_TOKEN_HEADER, 'x-amz-signature']);

/** The parts of one canonical request. @internal */
export interface CanonicalParts {
  readonly method: string;
  readonly path: string;
  /** `[encodedKey, encodedValue]` in canonical order. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** `[name, value]` in canonical order. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
}

function queryPairs(line: string): Array<readonly [string, string]> {
  if (line === '') return [];
  return line.split('&').map((pair) => {
    const at = pair.indexOf('=');
    const key = at < 0 ? pair : pair.slice(0, at);
    const value = at < 0 ? '' : pair.slice(at + 1);
    return [key, SECRET_PARAMS.has(key.toLowerCase()) ? MASK : value] as const;
  });
}

function headerLine(line: string): readonly [string, string] {
  const at = line.indexOf(':');
  const name = (at < 0 ? line : line.slice(0, at)).toLowerCase();
  const value = at < 0 ? '' : line.slice(at + 1);
  return [name, redactHeader(name, value)];
}

/**
 * Parses a canonical request, read from both ends so that the header block is whatever lies
 * between the query line and the blank line; undefined when it has too few lines to be one.
 * @internal
 */
export function parseCanonicalRequest(text: string): CanonicalParts | undefined {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length < 6) return undefined;
  const [method, path, query] = lines;
  const headerLines = lines.slice(3, -3).filter((line) => line !== '');
  return {
    method,
    path,
    query: queryPairs(query),
    headers: headerLines.map(headerLine),
    signedHeaders: lines[lines.length - 2].split(';').filter((name) => name !== ''),
    payloadHash: lines[lines.length - 1],
  };
}

/** The canonical request written back, secrets masked. @internal */
export function formatCanonicalRequest(parts: CanonicalParts): string {
  return [
    parts.method,
    parts.path,
    parts.query.map(([key, value]) => `${key}=${value}`).join('&'),
    parts.headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n');
}
