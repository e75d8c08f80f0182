import {
  CONTENT_TYPE_HEADER,
  ERROR_TYPE_HEADER,
  INTERNAL_SERVER_ERROR_MESSAGE,
  ERROR_TYPES,
  JSON_CONTENT_TYPE,
  LOCATION_HEADER,
} from '../constants';
import { buildEcho } from './echo';
import type { ResolvedEndpointOptions } from './endpointOptions';
import { accessDenied, missingAuthenticationToken } from '../verifier/errors';
import { buildInvokeRequest } from './invoke';
import type { ResolvedVerifyOptions } from '../verifier/options';
import { splitRawUrl } from '../verifier/canonical/rawUrl';
import { matchesAnyRoute } from './routes';
import type {
  IntegrationResponse,
  RawRequest,
  VerifyFailure,
  VerifyOptions,
  VerifyResult,
  VerifySuccess,
} from '../types';
import { verifyRequest } from '../verifier/verify';

/** What the endpoint sends for one request, and the verdict it records. @internal */
export interface Answer {
  result: VerifyResult;
  status: number;
  /** Every header but `date` and `content-length`, which the writer adds. */
  headers: Record<string, string>;
  body: Uint8Array;
}

const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');

function forbidden(result: VerifyFailure): Answer {
  const headers = {
    [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE,
    [ERROR_TYPE_HEADER]: result.errorType,
  };
  return { result, status: result.status, headers, body: json({ message: result.message }) };
}

/** API Gateway's 500 when the integration fails; the signature was fine. @internal */
export function internalServerError(result: VerifyResult): Answer {
  const headers = {
    [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE,
    [ERROR_TYPE_HEADER]: ERROR_TYPES.internalServerError,
  };
  return { result, status: 500, headers, body: json({ message: INTERNAL_SERVER_ERROR_MESSAGE }) };
}

function fromIntegration(result: VerifySuccess, response: IntegrationResponse): Answer {
  const { status, body, headers = {} } = response;
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new RangeError(`integration returned status ${status}; use an HTTP status 100-599`);
  }
  const bytes =
    body === undefined
      ? new Uint8Array()
      : typeof body === 'string'
        ? Buffer.from(body, 'utf8')
        : body instanceof Uint8Array
          ? body
          : json(body);
  return {
    result,
    status,
    headers: { [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE, ...headers },
    body: bytes,
  };
}

/**
 * Decides the answer in API Gateway's order: route, signature, IAM policy, then the backend
 * (redirect, failing route, integration, echo). A redirect is the backend's answer, so it comes
 * after authorization, as with a Lambda that answers a redirect.
 * @internal
 */
export function answerRequest(
  raw: RawRequest,
  verifyOptions: VerifyOptions,
  verify: ResolvedVerifyOptions,
  backend: ResolvedEndpointOptions,
): Answer {
  const { path } = splitRawUrl(raw.rawUrl);
  if (backend.routes && !matchesAnyRoute(backend.routes, raw.method, path)) {
    return forbidden(missingAuthenticationToken());
  }
  const result = verifyRequest(raw, verifyOptions);
  if (!result.ok) return forbidden(result);
  const identity = verify.credentials.find((c) => c.accessKeyId === result.accessKeyId);
  if (!identity) throw new Error('verified identity not found'); // cannot happen: it just verified
  const invoke = buildInvokeRequest(raw, identity, { region: verify.region, ...backend });
  const decision = backend.authorize(invoke);
  if (decision !== true) {
    if (decision !== false && decision !== 'explicit-deny') {
      throw new TypeError(
        `authorize returned ${String(decision)}; return true, false or 'explicit-deny'`,
      );
    }
    const denied = accessDenied(
      invoke.principalArn,
      invoke.resourceArn,
      decision === 'explicit-deny',
    );
    const { canonicalRequest, stringToSign } = result;
    return forbidden({ ...denied, canonicalRequest, stringToSign });
  }
  const redirect = backend.redirects.get(path);
  if (redirect) {
    const headers = { [LOCATION_HEADER]: redirect.location };
    return { result, status: redirect.status, headers, body: new Uint8Array() };
  }
  if (matchesAnyRoute(backend.failingRoutes, raw.method, path)) return internalServerError(result);
  const echo = buildEcho(raw, result);
  try {
    const custom = backend.integration?.(echo, invoke);
    if (custom !== undefined) return fromIntegration(result, custom);
  } catch {
    // A Lambda that throws or answers nonsense: API Gateway gives its generic 5XX.
    return internalServerError(result);
  }
  return {
    result,
    status: 200,
    headers: { [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE },
    body: json(echo),
  };
}
