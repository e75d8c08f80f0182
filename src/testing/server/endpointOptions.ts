import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_ID,
  DEFAULT_REDIRECT_STATUS,
  REDIRECT_STATUSES,
} from '../constants';
import { matchesAnyRoute, parseRoutePatterns, type RoutePattern } from './routes';
import type {
  AuthorizeDecision,
  InvokeRequest,
  LocalIamEndpointOptions,
  RedirectTarget,
} from '../types';

/** The backend options of {@link LocalIamEndpointOptions}, validated and defaulted. @internal */
export interface ResolvedEndpointOptions {
  port: number;
  accountId: string;
  apiId: string;
  /** `undefined`: every route exists. */
  routes: RoutePattern[] | undefined;
  authorize: (invoke: InvokeRequest) => AuthorizeDecision;
  redirects: Map<string, Required<RedirectTarget>>;
  failingRoutes: RoutePattern[];
  integration: LocalIamEndpointOptions['integration'];
}

function idText(value: unknown, option: string, shape: RegExp, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !shape.test(value)) {
    throw new TypeError(`${option} must match ${shape}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function resolveAuthorize(authorize: unknown): ResolvedEndpointOptions['authorize'] {
  if (authorize === undefined) return () => true;
  if (typeof authorize === 'function') return authorize as ResolvedEndpointOptions['authorize'];
  const allowed = parseRoutePatterns(authorize, 'authorize');
  return (invoke) => matchesAnyRoute(allowed, invoke.method, invoke.path);
}

function resolveRedirect(path: string, target: unknown): Required<RedirectTarget> {
  const option = `redirects[${JSON.stringify(path)}]`;
  if (!path.startsWith('/')) {
    throw new TypeError(
      `redirects: each key must be a path starting with '/', got ${JSON.stringify(path)}`,
    );
  }
  const { location, status = DEFAULT_REDIRECT_STATUS } = (
    typeof target === 'string' ? { location: target } : (target ?? {})
  ) as Partial<RedirectTarget>;
  if (typeof location !== 'string' || !/^(\/|https?:\/\/)/.test(location)) {
    throw new TypeError(
      `${option} must be a path starting with '/' or an http(s) URL, or { location, status }`,
    );
  }
  if (!REDIRECT_STATUSES.includes(status)) {
    throw new RangeError(
      `${option}.status must be one of ${REDIRECT_STATUSES.join(', ')}, got ${status}`,
    );
  }
  return { location, status };
}

/** Validates every backend option at start, so that a typo fails the test at once. @internal */
export function resolveEndpointOptions(options: LocalIamEndpointOptions): ResolvedEndpointOptions {
  const { port = 0, integration } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got ${port}`);
  }
  if (integration !== undefined && typeof integration !== 'function') {
    throw new TypeError('integration must be a function (echo, invoke) => response | undefined');
  }
  const redirects = new Map(
    Object.entries(options.redirects ?? {}).map(([path, target]) => [
      path,
      resolveRedirect(path, target),
    ]),
  );
  return {
    port,
    accountId: idText(options.accountId, 'accountId', /^\d{12}$/, DEFAULT_ACCOUNT_ID),
    apiId: idText(options.apiId, 'apiId', /^[A-Za-z0-9]+$/, DEFAULT_API_ID),
    routes: options.routes === undefined ? undefined : parseRoutePatterns(options.routes, 'routes'),
    authorize: resolveAuthorize(options.authorize),
    redirects,
    failingRoutes: parseRoutePatterns(options.failingRoutes ?? [], 'failingRoutes'),
    integration,
  };
}
