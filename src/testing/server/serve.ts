import { createServer } from 'node:http';
import type { LocalCredentialService } from '../services/credentialServiceTypes';
import { readRawRequest } from './http';
import type { CredentialIssuer } from '../services/issuer';
import { closeServer, listenOnLoopback, type LoopbackAddress } from './loopback';
import type { RawRequest } from '../types';

/** What a local credential service answers. @internal */
export interface LocalResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A listening loopback server. @internal */
interface ServedLocally extends LoopbackAddress {
  close(): Promise<void>;
}

/**
 * Serves `handle` on 127.0.0.1: the whole request is read first, the answer is written with its
 * length and the service's `Date` (the AWS SDK corrects its clock from it); a handler that throws
 * gives a bare 500 with no detail.
 * @internal
 */
async function serveLocally(
  handle: (raw: RawRequest) => LocalResponse,
  port: number,
  now: () => Date,
): Promise<ServedLocally> {
  const server = createServer((req, res) => {
    readRawRequest(req)
      .then((raw) => {
        const { status, headers, body } = handle(raw);
        const bytes = Buffer.from(body, 'utf8');
        res.writeHead(status, {
          ...headers,
          date: now().toUTCString(),
          'content-length': bytes.length,
        });
        res.end(bytes);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-length': 0 });
        res.end();
      });
  });
  const address = await listenOnLoopback(server, port);
  return { ...address, close: () => closeServer(server) };
}

/**
 * Serves a local credential service's `handle` and describes it the same way for every service:
 * its address, the live call counters and what its issuer handed out.
 * @internal
 */
export async function serveCredentialService<Action extends string>(
  handle: (raw: RawRequest) => LocalResponse,
  port: number,
  issuer: CredentialIssuer,
  calls: Readonly<Record<Action, number>>,
): Promise<LocalCredentialService<Action>> {
  const served = await serveLocally(handle, port, issuer.now);
  return { url: served.url, port: served.port, calls, issued: issuer.issued, close: served.close };
}
