/**
 * Checks of what a caller hands the signer (`sign(request)`) or `presign` (its `method`,
 * `headers`, `body` options), so that a wrong type fails with a typed error naming the part, not
 * with a TypeError from deep inside the signer or a signature over something never sent.
 */
import { describeType } from '../describeType';

/** What is wrong with one part of a request, and the fix. @internal */
export interface RequestProblem {
  /** The part: `method`, `headers`, `body`. */
  readonly part: string;
  readonly what: string;
  readonly fix: string;
}

/** RFC 9110 token: a method. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * What no header name can hold on any wire: whitespace, `:`, control characters. Other
 * characters are signed as given (clients differ on them; the signer is not the judge).
 */
function brokenName(name: string): boolean {
  if (name === '') return true;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code <= 0x20 || code === 0x3a || code === 0x7f) return true; // space, controls, `:`, DEL
  }
  return false;
}
/** What no header value can hold: a line break or NUL. */
const BROKEN_VALUE = /[\r\n\0]/;

/** A method must be an HTTP token: `GET`, `post`, `PROPFIND`. @internal */
export function methodProblem(method: unknown): RequestProblem | undefined {
  if (typeof method === 'string' && TOKEN.test(method)) return undefined;
  return {
    part: 'method',
    what:
      typeof method === 'string'
        ? `'${method}' is no HTTP method`
        : `it is ${describeType(method)}`,
    fix: "give the HTTP method as a string, e.g. 'GET' or 'POST'",
  };
}

function headerProblem(name: string, value: unknown): RequestProblem | undefined {
  // The usual header, checked without building anything (this runs for every request).
  if (typeof value === 'string' && !BROKEN_VALUE.test(value) && !brokenName(name)) {
    return undefined;
  }
  const shown = name.length > 40 ? `${name.slice(0, 40)}...` : name;
  if (brokenName(name)) {
    return {
      part: 'headers',
      what: `'${shown}' is no header name`,
      fix: 'give header names as HTTP tokens, e.g. content-type',
    };
  }
  const values = Array.isArray(value) ? value : [value];
  const wrong = values.find((v) => typeof v !== 'string');
  if (wrong !== undefined || values.length === 0) {
    const what = `the value of \`${shown}\` is ${values.length === 0 ? 'an empty array' : describeType(wrong)}`;
    return {
      part: 'headers',
      what,
      fix: 'give each header a string (or an array of strings), and leave out a header you do not send',
    };
  }
  if ((values as string[]).some((v) => BROKEN_VALUE.test(v))) {
    return {
      part: 'headers',
      what: `the value of \`${shown}\` holds a line break`,
      fix: 'remove CR, LF and NUL from header values',
    };
  }
  return undefined;
}

/** Headers must be a plain object of name → string (or array of strings). @internal */
export function headersProblem(headers: unknown): RequestProblem | undefined {
  if (headers === undefined || headers === null) return undefined;
  const prototype = typeof headers === 'object' ? Object.getPrototypeOf(headers) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    return {
      part: 'headers',
      what: `they are ${describeType(headers)}`,
      fix: 'pass a plain object of header names to values; from a Headers object: Object.fromEntries(headers)',
    };
  }
  for (const [name, value] of Object.entries(headers as object)) {
    if (value === undefined) continue;
    const problem = headerProblem(name, value);
    if (problem) return problem;
  }
  return undefined;
}

/** A body must be the bytes sent: a string, an ArrayBuffer or a typed array / DataView. @internal */
export function bodyProblem(body: unknown): RequestProblem | undefined {
  if (body === undefined || body === null || typeof body === 'string') return undefined;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return undefined;
  return {
    part: 'body',
    what: `it is ${describeType(body)}`,
    fix: 'pass the exact bytes sent: a string, a Uint8Array or an ArrayBuffer (JSON.stringify an object first; read a stream first, or use createSignedFetch / the axios interceptor, which read bodies)',
  };
}
