import { createServer } from 'node:http';
import {
  AMZ_DATE_HEADER,
  AUTHORIZATION_HEADER,
  CONTENT_SHA256_HEADER,
  CONTENT_TYPE_HEADER,
  JSON_CONTENT_TYPE,
  SECURITY_TOKEN_HEADER,
} from '../constants';
import { readRawRequest, writeAnswer, writeInternalError } from './http';
import { closeServer, listenOnLoopback } from './loopback';
import { headerRecord } from '../verifier/canonical/rawHeaders';
import type { RecordedRequest, RecordingServer, RecordingServerOptions } from '../types';

/**
 * The headers a SigV4-signed request carries that must not reach another origin: the signature,
 * the session token (a secret), and the two headers that only make sense with them. Lower-case.
 */
export const SIGNING_HEADER_NAMES: readonly string[] = Object.freeze([
  AUTHORIZATION_HEADER,
  SECURITY_TOKEN_HEADER,
  AMZ_DATE_HEADER,
  CONTENT_SHA256_HEADER,
]);

/**
 * The {@link SIGNING_HEADER_NAMES} a recorded request carried (empty when none), so a test can
 * assert that a redirected request left every credential behind.
 * @example
 * expect(signingHeadersIn(recorder.requests[0])).toEqual([]);
 */
export function signingHeadersIn(request: RecordedRequest): string[] {
  return SIGNING_HEADER_NAMES.filter((name) => Object.hasOwn(request.headers, name));
}

/**
 * Starts a plain HTTP server on 127.0.0.1 that answers 200 `{"message":"recorded"}` to anything
 * and records every request's method, target, raw headers and body: the second origin of a
 * redirect test, or any place a request must (not) arrive.
 * @example
 * const recorder = await startRecordingServer();
 * const endpoint = await startLocalIamEndpoint({ redirects: { '/prod/old': `${recorder.url}/new` } });
 * try {
 *   await signedFetch(`${endpoint.url}/prod/old`);
 *   expect(signingHeadersIn(recorder.requests[0])).toEqual([]);
 * } finally {
 *   await Promise.all([endpoint.close(), recorder.close()]);
 * }
 */
export async function startRecordingServer(
  options: RecordingServerOptions = {},
): Promise<RecordingServer> {
  const { port = 0 } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got ${port}`);
  }
  const requests: RecordedRequest[] = [];
  const body = Buffer.from(JSON.stringify({ message: 'recorded' }), 'utf8');
  const server = createServer((req, res) => {
    readRawRequest(req)
      .then((raw) => {
        const { method, rawUrl: url, rawHeaders } = raw;
        requests.push({
          method,
          url,
          rawHeaders,
          headers: headerRecord(rawHeaders),
          body: raw.body,
        });
        const headers = { [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE };
        writeAnswer(res, { status: 200, headers, body }, new Date());
      })
      .catch(() => writeInternalError(res));
  });
  const address = await listenOnLoopback(server, port);
  return { ...address, requests, close: () => closeServer(server) };
}
