import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOOPBACK_HOST } from '../constants';

/** Where a loopback server listens. @internal */
export interface LoopbackAddress {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  port: number;
}

/** Listens on 127.0.0.1 (never reachable from another machine); port 0 picks a free one. @internal */
export function listenOnLoopback(server: Server, port: number): Promise<LoopbackAddress> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK_HOST, () => {
      server.off('error', reject);
      const bound = (server.address() as AddressInfo).port;
      resolve({ url: `http://${LOOPBACK_HOST}:${bound}`, port: bound });
    });
  });
}

/** Stops listening and drops open keep-alive connections. @internal */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    // A second close() fails with ERR_SERVER_NOT_RUNNING; the server is closed either way.
    server.close(() => resolve());
    // Keep-alive sockets would hold close() open until they time out.
    server.closeAllConnections();
  });
}
