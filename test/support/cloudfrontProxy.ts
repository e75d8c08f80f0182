/**
 * A loopback proxy that behaves like CloudFront in front of API Gateway: it forwards every
 * request to the origin with Host replaced by the origin's and the origin path prepended, and
 * passes the answer back. Bodies are forwarded byte for byte.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CloudFrontLikeProxy {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startCloudFrontLikeProxy(
  originUrl: string,
  originPath: string,
): Promise<CloudFrontLikeProxy> {
  const origin = new URL(originUrl);
  const server = createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers, host: origin.host };
    const forwarded = httpRequest(
      {
        host: origin.hostname,
        port: origin.port,
        method: incoming.method,
        path: originPath + incoming.url,
        headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
