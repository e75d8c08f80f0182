/**
 * An HTTPS server on 127.0.0.1:0 with a self-signed certificate made at test time (openssl), that
 * verifies each request's signature with the package's `verifyRequest` and answers 200 with the
 * verdict, or 403. For `-k/--insecure`: a certificate no client trusts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyRequest, type VerifyResult } from 'aws-sigv4-interceptor/testing';

/** A self-signed certificate (for `localhost`: no client would accept it for 127.0.0.1 either). */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sigv4-cert-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-subj', '/CN=localhost', '-days', '1', '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' }); // prettier-ignore
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The running server: `https://127.0.0.1:PORT`, every verdict, and `close()`. */
export interface HttpsEndpoint {
  readonly url: string;
  readonly verdicts: VerifyResult[];
  close(): Promise<void>;
}

/** Starts the server; it checks signatures for `us-east-1` / `execute-api`. */
export async function startHttpsEndpoint(): Promise<HttpsEndpoint> {
  const verdicts: VerifyResult[] = [];
  const server = createServer(selfSignedCertificate(), (req, res) => {
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
