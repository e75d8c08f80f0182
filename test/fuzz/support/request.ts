import fc from 'fast-check';
import { bodyArbitrary, type BodyKind, type BodySpec } from './bodies';
import { headersArbitrary, type HeaderSpec } from './headers';
import { pathArbitrary, type PathSpec } from './path';
import { queryArbitrary, type QuerySpec } from './query';

/** One random request, client-neutral: what the caller means and how it is written. */
export interface RequestSpec {
  method: string;
  path: PathSpec;
  query: QuerySpec;
  headers: HeaderSpec[];
  /** The caller's Content-Type, when one is set (only with a body, never with a form). */
  contentType?: string;
  body?: BodySpec;
}

export const METHODS = ['GET', 'HEAD', 'DELETE', 'OPTIONS', 'POST', 'PUT', 'PATCH'] as const;

/**
 * Content types a caller sets by hand. None of them makes axios re-serialize a body (JSON,
 * url-encoded and multipart types do), so what arrives is what the caller gave.
 */
const CALLER_CONTENT_TYPES = [
  'text/plain; charset=utf-8',
  'application/octet-stream',
  'application/vnd.fuzz+xml',
  '  TEXT/X-Odd ;  Q=1 ',
];

const FORMS: readonly BodyKind[] = ['FormData', 'legacy form-data'];

/** What a client takes: see {@link requestArbitrary}. */
export interface ClientLimits {
  /** The bodies it takes. */
  bodyKinds: readonly BodyKind[];
  /** Methods that cannot carry a body (fetch refuses one with GET or HEAD). */
  bodyless: readonly string[];
  /** Header names, as written, that the plain client itself never sends. */
  unsent: (name: string) => boolean;
}

/** Requests for a client. */
export function requestArbitrary({
  bodyKinds,
  bodyless,
  unsent,
}: ClientLimits): fc.Arbitrary<RequestSpec> {
  return fc.constantFrom(...METHODS).chain((method) => {
    const body = bodyless.includes(method)
      ? fc.constant(undefined)
      : fc.option(bodyArbitrary(bodyKinds), { nil: undefined, freq: 5 });
    return fc
      .record({
        method: fc.constant(method),
        path: pathArbitrary,
        query: queryArbitrary,
        headers: headersArbitrary.map((headers) => headers.filter(({ name }) => !unsent(name))),
        body,
        contentType: fc.option(fc.constantFrom(...CALLER_CONTENT_TYPES), { nil: undefined }),
      })
      .map(({ contentType, ...spec }) =>
        spec.body === undefined || FORMS.includes(spec.body.kind)
          ? { ...spec, body: spec.body }
          : { ...spec, contentType },
      );
  });
}
