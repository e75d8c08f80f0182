import type { BodySpec } from './bodies';
import { arrivedValue, NEVER_SIGNED, type HeaderSpec } from './headers';
import { expectedBodyBytes } from './makeBody';
import type { Pairs } from './query';
import type { RequestSpec } from './request';

export type Client = 'axios' | 'fetch';

/** What must arrive for a request, worked out from the spec alone. */
export interface Expectation {
  method: string;
  path: string;
  query: Pairs;
  /** Lower-case name → the value that must arrive (repeated fields joined with `, `). */
  headers: Record<string, string>;
  /** Header names that must be covered by the signature (and content-type, when one arrived). */
  signed: string[];
  /** The arrived Content-Type must be one of these (a RegExp for a multipart boundary). */
  contentType: Array<string | undefined | RegExp>;
  body: Uint8Array | 'multipart';
  /** The spec's body, for checking a multipart body field by field. */
  form?: BodySpec;
}

const MULTIPART = /^multipart\/form-data; ?boundary=[^\s;]+$/;

const joinedValue = (header: HeaderSpec) =>
  arrivedValue(header.values.map(arrivedValue).join(', '));

/** axios labels a POST, PUT or PATCH without a content type of its own as a form (dispatchRequest). */
const AXIOS_DEFAULT_TYPE = 'application/x-www-form-urlencoded';

/**
 * The Content-Type each client sends for a body: the caller's wins, except where the body
 * dictates it (a multipart boundary; for axios, a Blob's own type, as its http adapter does).
 * An untyped Blob through axios: its http adapter would say application/octet-stream, the
 * signed request (sent as bytes) keeps the caller's or axios's default; both are accepted.
 */
function expectedContentType(spec: RequestSpec, client: Client): Expectation['contentType'] {
  const caller = spec.contentType === undefined ? undefined : arrivedValue(spec.contentType);
  const fallback =
    client === 'axios' && ['POST', 'PUT', 'PATCH'].includes(spec.method)
      ? AXIOS_DEFAULT_TYPE
      : undefined;
  const body = spec.body;
  if (body === undefined) return [caller ?? fallback];
  switch (body.kind) {
    case 'string':
      return [caller ?? (client === 'fetch' ? 'text/plain;charset=UTF-8' : fallback)];
    case 'URLSearchParams':
      return [
        caller ??
          `application/x-www-form-urlencoded;charset=${client === 'fetch' ? 'UTF-8' : 'utf-8'}`,
      ];
    case 'Blob':
      if (client === 'fetch') return [caller ?? (body.type || undefined)];
      if (body.type) return [body.type];
      return body.bytes.length > 0
        ? [caller ?? fallback, 'application/octet-stream']
        : [caller ?? fallback];
    case 'FormData':
    case 'legacy form-data':
      return [MULTIPART];
    case 'json':
      return [caller ?? 'application/json'];
    default:
      return [caller ?? fallback];
  }
}

/** The expectation of a spec sent through one client. */
export function expectationOf(
  spec: RequestSpec,
  client: Client,
  query = spec.query.pairs,
): Expectation {
  // fromEntries: a header named __proto__ is an own key, not the prototype.
  const headers: Record<string, string> = Object.fromEntries(
    spec.headers.map((header) => [header.name.toLowerCase(), joinedValue(header)]),
  );
  const contentType = expectedContentType(spec, client);
  const signed = ['host', 'x-amz-date', 'x-amz-security-token'];
  signed.push(...Object.keys(headers).filter((name) => !NEVER_SIGNED.has(name)));
  return {
    method: spec.method,
    path: spec.path.expected,
    query,
    headers,
    signed,
    contentType,
    body: expectedBodyBytes(spec.body),
    form: spec.body,
  };
}
