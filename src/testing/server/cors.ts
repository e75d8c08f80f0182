import { AMZ_DATE_HEADER, ERROR_TYPE_HEADER, REGION_SET_HEADER } from '../constants';
import { firstHeader } from '../verifier/canonical/rawHeaders';
import type { CorsOptions, RawRequest } from '../types';

/**
 * CORS as an API Gateway HTTP API configured with CORS answers it: API Gateway itself answers a
 * preflight (204, no route, no authorization), and adds the CORS headers to every other response,
 * 403s included. An origin that is not allowed gets no CORS headers at all, so the browser blocks.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */

/** {@link CorsOptions} validated, with header values ready to send. @internal */
export interface ResolvedCors {
  /** `'*'`, or the exact origins allowed. */
  origins: '*' | readonly string[];
  credentials: boolean;
  allowMethods: string;
  allowHeaders: string;
  exposeHeaders: string;
  maxAge: string;
}

/** What every signed request from a browser needs: the signer's headers and the body's type. */
const SIGNING_HEADERS = [
  'authorization',
  'content-type',
  AMZ_DATE_HEADER,
  'x-amz-security-token',
  'x-amz-content-sha256',
  REGION_SET_HEADER,
];
const DEFAULT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** `Date` (for clock-skew correction) and the error type are not CORS-safelisted. */
const EXPOSED = ['date', ERROR_TYPE_HEADER.toLowerCase()];
const DEFAULT_MAX_AGE_SECONDS = 300;
const ORIGIN = /^https?:\/\/[^/\s?#]+$/;

function nameList(value: unknown, option: string, shape: RegExp): string[] {
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    !value.every((item) => typeof item === 'string' && shape.test(item))
  ) {
    throw new TypeError(`cors.${option} must be a list of names matching ${shape}`);
  }
  return value as string[];
}

function resolveOrigins(allowOrigin: unknown): ResolvedCors['origins'] {
  const list = typeof allowOrigin === 'string' ? [allowOrigin] : allowOrigin;
  const valid =
    Array.isArray(list) &&
    list.length > 0 &&
    list.every((origin) => typeof origin === 'string' && (origin === '*' || ORIGIN.test(origin)));
  if (!valid) {
    throw new TypeError(
      "cors.allowOrigin must be '*' or origins like 'http://127.0.0.1:5173' (scheme, host, port; no path or trailing slash)",
    );
  }
  return (list as string[]).includes('*') ? '*' : (list as string[]);
}

/** Validates the `cors` option once, at start. `undefined`: CORS off. @internal */
export function resolveCorsOptions(cors: CorsOptions | undefined): ResolvedCors | undefined {
  if (cors === undefined) return undefined;
  if (typeof cors !== 'object' || cors === null) {
    throw new TypeError("cors must be an object such as { allowOrigin: 'http://127.0.0.1:5173' }");
  }
  const { allowCredentials = false, maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS } = cors;
  const origins = resolveOrigins(cors.allowOrigin);
  if (typeof allowCredentials !== 'boolean')
    throw new TypeError('cors.allowCredentials must be a boolean');
  if (allowCredentials && origins === '*') {
    throw new TypeError(
      "cors.allowCredentials cannot be true with allowOrigin '*': browsers refuse credentials with a wildcard origin; list the origins",
    );
  }
  if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds < 0) {
    throw new RangeError(`cors.maxAgeSeconds must be a whole number >= 0, got ${maxAgeSeconds}`);
  }
  const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
  const methods =
    cors.allowMethods === undefined
      ? DEFAULT_METHODS
      : nameList(cors.allowMethods, 'allowMethods', token);
  const headers = [...SIGNING_HEADERS, ...nameList(cors.allowHeaders, 'allowHeaders', token)];
  const exposed = [...EXPOSED, ...nameList(cors.exposeHeaders, 'exposeHeaders', token)];
  const unique = (names: string[]): string =>
    [...new Set(names.map((n) => n.toLowerCase()))].join(', ');
  return {
    origins,
    credentials: allowCredentials,
    allowMethods: [...new Set(methods.map((m) => m.toUpperCase()))].join(', '),
    allowHeaders: unique(headers),
    exposeHeaders: unique(exposed),
    maxAge: String(maxAgeSeconds),
  };
}

/** The origin headers for an allowed `Origin`, or none. */
function originHeaders(raw: RawRequest, cors: ResolvedCors): Record<string, string> {
  const origin = firstHeader(raw.rawHeaders, 'origin');
  if (origin === undefined) return {};
  if (cors.origins === '*') return { 'access-control-allow-origin': '*' };
  if (!cors.origins.includes(origin)) return {};
  const headers: Record<string, string> = { 'access-control-allow-origin': origin, vary: 'Origin' };
  if (cors.credentials) headers['access-control-allow-credentials'] = 'true';
  return headers;
}

/**
 * The 204 answer to a CORS preflight (OPTIONS with `Origin` and `Access-Control-Request-Method`),
 * given without any signature; `undefined` for any other request, which goes on to be verified.
 * @internal
 */
export function preflightAnswer(
  raw: RawRequest,
  cors: ResolvedCors | undefined,
): { status: number; headers: Record<string, string>; body: Uint8Array } | undefined {
  if (cors === undefined || raw.method !== 'OPTIONS') return undefined;
  if (firstHeader(raw.rawHeaders, 'access-control-request-method') === undefined) return undefined;
  const allowed = originHeaders(raw, cors);
  const headers =
    Object.keys(allowed).length === 0
      ? {}
      : {
          ...allowed,
          'access-control-allow-methods': cors.allowMethods,
          'access-control-allow-headers': cors.allowHeaders,
          'access-control-max-age': cors.maxAge,
        };
  return { status: 204, headers, body: new Uint8Array() };
}

/** The CORS headers of an actual (non-preflight) response, 403s included. @internal */
export function corsResponseHeaders(
  raw: RawRequest,
  cors: ResolvedCors | undefined,
): Record<string, string> {
  if (cors === undefined) return {};
  const allowed = originHeaders(raw, cors);
  if (Object.keys(allowed).length === 0) return {};
  return { ...allowed, 'access-control-expose-headers': cors.exposeHeaders };
}
