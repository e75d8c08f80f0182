/**
 * A hostile or faulty server for tests: it answers each request as a script says (a redirect
 * anywhere, a forged 403, a lying `Date`, a body of any size) and records everything that
 * reached it, over http or, with a certificate, https. Loopback only, port 0.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface Arrival {
  readonly method: string;
  /** The request target as sent: path and query. */
  readonly url: string;
  /** Header names lower-case; repeated headers joined with ', '. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>` or `https://...`. */
  readonly url: string;
  readonly port: number;
  readonly arrivals: Arrival[];
  /** Every TCP connection accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export type Script = (arrival: Arrival, index: number) => ScriptedAnswer | Promise<ScriptedAnswer>;

export interface ScriptedServerOptions {
  /** Serve https with this key and certificate. */
  readonly tls?: { key: string; cert: string };
}

async function readArrival(req: IncomingMessage): Promise<Arrival> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks) };
}

export async function startScriptedServer(
  script: Script,
  options: ScriptedServerOptions = {},
): Promise<ScriptedServer> {
  const arrivals: Arrival[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    readArrival(req)
      .then(async (arrival) => {
        arrivals.push(arrival);
        const answer = await script(arrival, arrivals.length - 1);
        res.writeHead(answer.status, { ...answer.headers });
        res.end(answer.body);
      })
      .catch(() => res.destroy());
  };
  const server = options.tls ? createHttpsServer(options.tls, handle) : createHttpServer(handle);
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    arrivals,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** A redirect to `location`. */
export const redirectTo = (location: string, status = 302): ScriptedAnswer => ({
  status,
  headers: { location },
});
