import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOOPBACK_HOST } from './constants';
import { readRawRequest, writeInternalError, writeVerdict } from './http';
import { resolveVerifyOptions } from './options';
import type { LocalIamEndpoint, LocalIamEndpointOptions } from './types';
import { verifyRequest } from './verify';

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    // A second close() fails with ERR_SERVER_NOT_RUNNING; the server is closed either way.
    server.close(() => resolve());
    // Keep-alive sockets would hold close() open until they time out.
    server.closeAllConnections();
  });
}

/**
 * Starts an HTTP server on 127.0.0.1 that answers like an API Gateway route with IAM
 * authorization: 200 and a JSON echo of the request as received for a valid SigV4 signature,
 * API Gateway's 403 (`x-amzn-ErrorType` header, `{"message": ...}` body) otherwise. Every request
 * is kept in `requests` with its verdict.
 * @example
 * const endpoint = await startLocalIamEndpoint({ region: 'eu-west-1' });
 * try {
 *   const response = await signedFetch(`${endpoint.url}/items?limit=2`);
 *   expect(response.status).toBe(200);
 * } finally {
 *   await endpoint.close();
 * }
 */
export async function startLocalIamEndpoint(
  options: LocalIamEndpointOptions = {},
): Promise<LocalIamEndpoint> {
  const { port = 0, ...verifyOptions } = options;
  const { now } = resolveVerifyOptions(verifyOptions); // bad options fail here, not per request
  const requests: LocalIamEndpoint['requests'] = [];
  const server = createServer((req, res) => {
    readRawRequest(req)
      .then((raw) => {
        const result = verifyRequest(raw, verifyOptions);
        requests.push({ raw, result });
        writeVerdict(res, raw, result, now());
      })
      .catch(() => writeInternalError(res));
  });
  await listen(server, port);
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK_HOST}:${bound}`,
    port: bound,
    requests,
    close: () => close(server),
  };
}
