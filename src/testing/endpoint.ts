import { createServer } from 'node:http';
import { answerRequest } from './answer';
import { resolveEndpointOptions } from './endpointOptions';
import { readRawRequest, writeAnswer, writeInternalError } from './http';
import { closeServer, listenOnLoopback } from './loopback';
import { resolveVerifyOptions } from './options';
import type { LocalIamEndpoint, LocalIamEndpointOptions } from './types';

/**
 * Starts an HTTP server on 127.0.0.1 that answers like an API Gateway route with IAM
 * authorization: 200 and a JSON echo of the request as received for a valid SigV4 signature,
 * API Gateway's 403 (`x-amzn-ErrorType` header, `{"message": ...}` body) otherwise. Every request
 * is kept in `requests` with its verdict. Options can make it fail the way a real API does after
 * a valid signature: unknown route, IAM policy denial, revoked or expired session, a server clock
 * set apart, a failing integration, a redirect (see {@link LocalIamEndpointOptions}).
 * @example
 * const endpoint = await startLocalIamEndpoint({ region: 'eu-west-1' });
 * try {
 *   const response = await signedFetch(`${endpoint.url}/items?limit=2`);
 *   expect(response.status).toBe(200);
 * } finally {
 *   await endpoint.close();
 * }
 * @example
 * // Only GET /prod/items is allowed; anything else signed is an AccessDeniedException.
 * await startLocalIamEndpoint({ routes: ['ANY /prod/{proxy+}'], authorize: ['GET /prod/items'] });
 */
export async function startLocalIamEndpoint(
  options: LocalIamEndpointOptions = {},
): Promise<LocalIamEndpoint> {
  // Bad options fail here, not per request. verifyRequest reads only its own options.
  const verify = resolveVerifyOptions(options);
  const backend = resolveEndpointOptions(options);
  const requests: LocalIamEndpoint['requests'] = [];
  const server = createServer((req, res) => {
    readRawRequest(req)
      .then((raw) => {
        const answer = answerRequest(raw, options, verify, backend);
        requests.push({ raw, result: answer.result, status: answer.status });
        writeAnswer(res, answer, verify.now());
      })
      .catch(() => writeInternalError(res));
  });
  const { url, port } = await listenOnLoopback(server, backend.port);
  return { url, port, requests, close: () => closeServer(server) };
}
