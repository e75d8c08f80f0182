import { CONTENT_TYPE_HEADER, HOST_HEADER } from '../constants';
import type { PreparedRequest } from './outgoing';
import { toWireUrl } from '../signing/wireUrl';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that describe a body: dropped with the body when a redirect turns a POST into a GET. */
const BODY_HEADERS = [
  CONTENT_TYPE_HEADER,
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
];

/** Headers that must not follow a redirect to another origin (fetch drops the same). */
const CROSS_ORIGIN_HEADERS = [HOST_HEADER, 'cookie', 'proxy-authorization'];

/** Whether a response is a redirect this package follows. @internal */
export const isRedirect = (status: number): boolean => REDIRECT_STATUSES.has(status);

/** The method after a redirect, as fetch and follow-redirects do it. */
function redirectedMethod(status: number, method: string): string {
  if (status === 303 && method !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

function withoutHeaders(
  headers: PreparedRequest['headers'],
  lowerNames: readonly string[],
): PreparedRequest['headers'] {
  const kept: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!lowerNames.includes(name.toLowerCase())) kept[name] = value;
  }
  return kept;
}

const FOLLOWED_SCHEMES = new Set(['http:', 'https:']);

/**
 * The request a redirect asks for: the new URL, the method a 301/302/303 turns it into (a
 * dropped body takes its headers along), and, for another origin, no Host, cookie or proxy
 * authorization. Signing headers are never carried over: the exchange signs the new request
 * afresh when it may, and sends it unsigned otherwise.
 * @returns undefined when there is no usable Location; `'unsupported-scheme'` for a Location
 * that is not http(s), which neither client follows
 * @internal
 */
export function redirectTarget(
  current: PreparedRequest,
  status: number,
  location: string | null | undefined,
): PreparedRequest | 'unsupported-scheme' | undefined {
  if (!location) return undefined;
  let url: URL;
  try {
    url = new URL(location, current.url);
  } catch {
    return undefined;
  }
  if (!FOLLOWED_SCHEMES.has(url.protocol)) return 'unsupported-scheme';
  url = toWireUrl(url);
  const method = redirectedMethod(status, current.method);
  const dropBody = method !== current.method && method === 'GET';
  const removed = [
    ...current.removeHeaders,
    ...(dropBody ? BODY_HEADERS : []),
    ...(url.origin !== current.url.origin ? CROSS_ORIGIN_HEADERS : []),
  ];
  const removeHeaders = [...new Set(removed)];
  return {
    method,
    url,
    headers: withoutHeaders(current.headers, removeHeaders),
    body: dropBody ? undefined : current.body,
    extraHeaders: dropBody ? {} : current.extraHeaders,
    removeHeaders,
  };
}
