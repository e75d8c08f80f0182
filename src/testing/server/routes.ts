import { decodeUtf8, percentDecode } from '../verifier/canonical/encoding';

/**
 * Route patterns `'METHOD /path'` as API Gateway resources write them: `{name}` matches one
 * segment, a final `{name+}` one or more, `ANY` (or `*`) any method.
 */

/** A parsed pattern. @internal */
export interface RoutePattern {
  text: string;
  /** `undefined` for any method. */
  method: string | undefined;
  segments: string[];
  /** Set when the last segment is `{name+}` (it is then not in `segments`). */
  greedy: boolean;
}

const SHAPE = /^([A-Za-z]+|\*) (\/\S*)$/;
const ANY_METHODS = new Set(['ANY', '*']);

const segmentsOf = (path: string): string[] => path.split('/').filter((s) => s !== '');

/**
 * Parses one pattern; `option` names where it came from in the error, e.g. `routes[2]`.
 * @internal
 */
function parseRoutePattern(text: unknown, option: string): RoutePattern {
  const match = typeof text === 'string' ? SHAPE.exec(text) : null;
  const fail = (why: string): never => {
    throw new TypeError(
      `${option} must look like 'GET /prod/items/{id}' (${why}), got ${JSON.stringify(text)}`,
    );
  };
  if (!match) return fail("a method or ANY, one space, then a path starting with '/'");
  const method = match[1].toUpperCase();
  const segments = segmentsOf(match[2]);
  const greedyAt = segments.findIndex((segment) => /^\{[^{}]+\+\}$/.test(segment));
  if (greedyAt >= 0 && greedyAt !== segments.length - 1) {
    return fail('a {name+} segment must come last');
  }
  return {
    text: text as string,
    method: ANY_METHODS.has(method) ? undefined : method,
    segments: greedyAt >= 0 ? segments.slice(0, -1) : segments,
    greedy: greedyAt >= 0,
  };
}

/** Parses a list option, rejecting anything but an array of patterns. @internal */
export function parseRoutePatterns(list: unknown, option: string): RoutePattern[] {
  if (!Array.isArray(list)) {
    throw new TypeError(`${option} must be a list of 'METHOD /path' patterns, got ${typeof list}`);
  }
  return list.map((text, index) => parseRoutePattern(text, `${option}[${index}]`));
}

function segmentMatches(pattern: string, segment: string): boolean {
  return /^\{[^{}]+\}$/.test(pattern) || pattern === segment;
}

/** Whether `method` and the raw `path` (no query) match the pattern. @internal */
function matchesRoute(pattern: RoutePattern, method: string, path: string): boolean {
  if (pattern.method !== undefined && pattern.method !== method.toUpperCase()) return false;
  const segments = segmentsOf(path).map((segment) => decodeUtf8(percentDecode(segment)));
  const fixed = pattern.segments.length;
  if (pattern.greedy ? segments.length <= fixed : segments.length !== fixed) return false;
  return pattern.segments.every((expected, index) => segmentMatches(expected, segments[index]));
}

/** Whether any of the patterns matches. @internal */
export function matchesAnyRoute(
  patterns: readonly RoutePattern[],
  method: string,
  path: string,
): boolean {
  return patterns.some((pattern) => matchesRoute(pattern, method, path));
}
