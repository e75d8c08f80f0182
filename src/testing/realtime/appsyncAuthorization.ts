import { ERROR_TYPES, HOST_HEADER } from '../constants';
import { missingAuthenticationToken } from '../verifier/errors';
import type { ResolvedVerifyOptions } from '../verifier/options';
import type { RawRequest, VerifyFailure, VerifyResult } from '../types';
import { verifyResolved } from '../verifier/verify';
import { APPSYNC_ERRORS } from './constants';

/** An error as AppSync's real-time messages carry it. @internal */
export interface AppSyncError {
  errorType: string;
  message: string;
  errorCode: number;
}

/**
 * The request AppSync rebuilds from an authorization object to verify it: a POST of `body` to
 * `path` on the API's own host, with the headers the object holds. The host is the server's, not
 * the object's: a signature made for another host then fails like any mismatch, with the
 * server's canonical request showing which host it expected.
 * @internal
 */
function rebuiltRequest(
  authorization: Readonly<Record<string, unknown>>,
  apiHost: string,
  path: string,
  body: string,
): RawRequest {
  const rawHeaders: string[] = [];
  for (const [name, value] of Object.entries(authorization)) {
    if (typeof value === 'string' && name.toLowerCase() !== HOST_HEADER)
      rawHeaders.push(name, value);
  }
  rawHeaders.push(HOST_HEADER, apiHost);
  return { method: 'POST', rawUrl: path, rawHeaders, body: Buffer.from(body, 'utf8') };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Verifies an authorization object (a connection `header`, a message's `authorization`) over the
 * request it was signed for, with this endpoint's independent verifier.
 * @internal
 */
export function verifyAuthorization(
  authorization: unknown,
  settings: ResolvedVerifyOptions,
  request: { apiHost: string; path: string; body: string },
): VerifyResult {
  if (!isObject(authorization)) return missingAuthenticationToken();
  const { apiHost, path, body } = request;
  return verifyResolved(rebuiltRequest(authorization, apiHost, path, body), settings);
}

const CREDENTIAL_REFUSALS = new Set<string>([
  ERROR_TYPES.missingToken,
  ERROR_TYPES.unrecognizedClient,
  ERROR_TYPES.expiredToken,
]);

/** The error AppSync answers a refused authorization with (see APPSYNC_ERRORS). @internal */
export function appSyncErrorOf(failure: VerifyFailure): AppSyncError {
  if (CREDENTIAL_REFUSALS.has(failure.errorType)) return { ...APPSYNC_ERRORS.unauthorized };
  return { ...APPSYNC_ERRORS.badRequest, message: failure.message };
}
