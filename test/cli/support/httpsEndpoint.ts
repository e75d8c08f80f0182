/**
 * An HTTPS server on 127.0.0.1:0 with a self-signed certificate made at test time (openssl), that
 * verifies each request's signature with the package's `verifyRequest` and answers 200 with the
 * verdict, or 403. For `-k/--insecure`: a certificate no client trusts unless told to.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { verifyRequest, type VerifyResult } from 'aws-sigv4-interceptor/testing';
import { makeSelfSignedCertificate } from '../../support/selfSignedCertificate';

/** The running server: `https://127.0.0.1:PORT`, every verdict, and `close()`. */
export interface HttpsEndpoint {
  readonly url: string;
  readonly verdicts: VerifyResult[];
  close(): Promise<void>;
}

/** Starts the server; it checks signatures for `us-east-1` / `execute-api`. */
export async function startHttpsEndpoint(): Promise<HttpsEndpoint> {
  const verdicts: VerifyResult[] = [];
  const server = createServer(makeSelfSignedCertificate(), (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = new Uint8Array(Buffer.concat(chunks));
      const raw = {
        method: req.method ?? '',
        rawUrl: req.url ?? '',
        rawHeaders: req.rawHeaders,
        body,
      };
      const verdict = verifyRequest(raw, { region: 'us-east-1', service: 'execute-api' });
      verdicts.push(verdict);
      res.writeHead(verdict.ok ? 200 : 403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: verdict.ok, body: Buffer.from(body).toString('utf8') }));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    verdicts,
    close: () =>
      new Promise((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}
