/**
 * The page's own server on 127.0.0.1: its files, and Cognito identity at the same origin (the
 * local Cognito endpoint answers no CORS preflight; Cognito itself does).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

/** Hop-by-hop and origin-bound headers not passed on to Cognito. */
const NOT_FORWARDED = new Set(['host', 'connection', 'content-length', 'accept-encoding']);

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function forward(req: IncomingMessage, target: string) {
  const headers = Object.entries(req.headers).flatMap(([name, value]) =>
    NOT_FORWARDED.has(name) || value === undefined
      ? []
      : [[name, String(value)] as [string, string]],
  );
  const response = await fetch(`${target}/`, {
    method: 'POST',
    headers,
    body: new Uint8Array(await bodyOf(req)),
  });
  const type = response.headers.get('content-type') ?? 'application/x-amz-json-1.1';
  return { status: response.status, type, body: Buffer.from(await response.arrayBuffer()) };
}

/** Serves `dir` (GET) and forwards every POST to `cognitoUrl`. */
export async function startPageServer(dir: string, cognitoUrl: string) {
  const server = createServer((req, res) => {
    const answer =
      req.method === 'POST'
        ? forward(req, cognitoUrl)
        : (async () => {
            const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(
              /^\/+/,
              '',
            );
            const body = await readFile(join(dir, path || 'index.html'));
            const type = TYPES[/\.[a-z]+$/.exec(path)?.[0] ?? '.html'] ?? 'text/plain';
            return { status: 200, type, body };
          })();
    answer
      .then(({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type, 'content-length': body.length });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(404, { 'content-length': 0 });
        res.end();
      });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
