import type { Writable } from 'node:stream';
import type { SigV4Logger } from '../types';

const INDENT = '*   ';

function detailLines(key: string, value: unknown): string[] {
  if (typeof value === 'string' && value.includes('\n')) {
    return [`${INDENT}${key}:`, ...value.split('\n').map((line) => `${INDENT}  ${line}`)];
  }
  const shown = Array.isArray(value)
    ? value.join(';') // signedHeaders, written as in the Authorization header
    : typeof value === 'object' && value !== null
      ? JSON.stringify(value)
      : String(value);
  return [`${INDENT}${key}: ${shown}`];
}

/**
 * The `debug` logger of `-v`: each event of the signer (signed, retried, redirected) as
 * curl-style `*` lines on stderr, multi-line values such as the canonical request and string to
 * sign indented below their name. The library redacts every detail before it reaches a logger.
 * An event carrying a `diagnosis` is left out: the tool prints `diagnose(response)` itself,
 * once, for every failure.
 * @internal
 */
export function createVerboseLogger(stderr: Writable): SigV4Logger {
  return {
    debug(message, details = {}) {
      if ('diagnosis' in details) return;
      const lines = [`* ${message}`];
      for (const [key, value] of Object.entries(details)) {
        if (value !== undefined) lines.push(...detailLines(key, value));
      }
      stderr.write(`${lines.join('\n')}\n`);
    },
  };
}
