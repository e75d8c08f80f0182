import { createServer } from 'node:http';
import { answerRequest } from './answer';
import { corsResponseHeaders, preflightAnswer, resolveCorsOptions } from './cors';
import { resolveEndpointOptions } from './endpointOptions';
import { readRawRequest, writeAnswer, writeInternalError } from './http';
import { closeServer, listenOnLoopback } from './loopback';
import { resolveVerifyOptions } from '../verifier/options';
import { createRealtimeRoutes } from '../realtime/realtime';
import { localSigningOptions } from './signingOptions';
import type { LocalIamEndpoint, LocalIamEndpointOptions, RawRequest, VerifyResult } from '../types';
import { acceptWebSockets, upgradeStatus, type UpgradeAnswer } from './websocket';

/**
 * Starts an HTTP server on 127.0.0.1 that answers like an API Gateway route with IAM
 * authorization: 200 and a JSON echo of the request as received for a valid SigV4 signature,
 * API Gateway's 403 (`x-amzn-ErrorType` header, `{"message": ...}` body) otherwise. Every request
 * is kept in `requests` with its verdict. Options can make it fail the way a real API does after
 * a valid signature: unknown route, IAM policy denial, revoked or expired session, a server clock
 * set apart, a failing integration, a redirect (see {@link LocalIamEndpointOptions}).
 *
 * Presigned URLs (query-string auth) and SigV4A verify like header-signed SigV4. A WebSocket
 * upgrade (`$connect`) is verified the same way: accepted, it receives one text frame holding the
 * echo and a normal close; refused, it gets the 403 as a plain HTTP response. With `cors`, a
 * preflight is answered without a signature and every response carries the CORS headers.
 * With `appsync` and `iotMqtt`, it also speaks AppSync's real-time protocols (GraphQL and Events)
 * and IoT Core's MQTT over WebSocket, verifying each handshake and message as those services do.
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
 * @example
 * // AppSync real-time as a custom domain at http://127.0.0.1:PORT/graphql, and IoT at /mqtt.
 * const endpoint = await startLocalIamEndpoint({ region: 'eu-west-1', appsync: true, iotMqtt: true });
 * const appsync = createAppSyncRealtimeSigner(`${endpoint.url}/graphql`, { region: 'eu-west-1' });
 * endpoint.realtime.publishGraphql({ onCreateMessage: { id: '1' } }); // to started subscriptions
 */
export async function startLocalIamEndpoint(
  options: LocalIamEndpointOptions = {},
): Promise<LocalIamEndpoint> {
  // Bad options fail here, not per request. verifyRequest reads only its own options.
  const verify = resolveVerifyOptions(options);
  const backend = resolveEndpointOptions(options);
  const cors = resolveCorsOptions(options.cors);
  const realtime = createRealtimeRoutes(options);
  const requests: LocalIamEndpoint['requests'] = [];
  const server = createServer((req, res) => {
    readRawRequest(req)
      .then((raw) => {
        // API Gateway answers a preflight itself: no authorization, not a request of the API.
        const preflight = preflightAnswer(raw, cors);
        if (preflight) return writeAnswer(res, preflight, verify.now());
        const answer = realtime.request(raw) ?? answerRequest(raw, options, verify, backend);
        requests.push({ raw, result: answer.result, status: answer.status });
        const headers = { ...answer.headers, ...corsResponseHeaders(raw, cors) };
        writeAnswer(res, { ...answer, headers }, verify.now());
      })
      .catch(() => writeInternalError(res));
  });
  const connect = (raw: RawRequest): UpgradeAnswer & { result: VerifyResult } => {
    const answer = realtime.upgrade(raw) ?? answerRequest(raw, options, verify, backend);
    requests.push({ raw, result: answer.result, status: upgradeStatus(answer.status) });
    return answer;
  };
  const dropWebSockets = acceptWebSockets(server, connect, verify.now);
  const { url, port } = await listenOnLoopback(server, backend.port);
  const close = (): Promise<void> => {
    dropWebSockets();
    return closeServer(server);
  };
  const host = new URL(url).host;
  return {
    url,
    port,
    requests,
    realtime: realtime.handle,
    close,
    get signingOptions() {
      return localSigningOptions(verify, host);
    },
  };
}
