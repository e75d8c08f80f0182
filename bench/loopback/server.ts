/**
 * The loopback targets, in a child process of their own so that the server's work runs on the
 * other core instead of inside the timed client: a plain node:http server (200 and a small fixed
 * JSON body, whatever the request) and the local IAM-verifying endpoint. Sends their URLs to the
 * parent, then serves until the parent goes away.
 */
import { createServer } from 'node:http';
import { startLocalIamEndpoint } from 'aws-sigv4-interceptor/testing';
import { REGION, SERVICE } from '../fixtures';

const BODY = Buffer.from(JSON.stringify({ ok: true, items: [1, 2, 3] }));

async function main(): Promise<void> {
  const plain = createServer((req, res) => {
    req.resume(); // read and drop the body, as the IAM endpoint reads it
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': BODY.length });
      res.end(BODY);
    });
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  const { port } = plain.address() as { port: number };
  const iam = await startLocalIamEndpoint({ region: REGION, service: SERVICE });
  // The endpoint keeps every request for tests to inspect; the bench sends tens of thousands.
  setInterval(() => iam.requests.splice(0), 500).unref();
  process.send!({ plain: `http://127.0.0.1:${port}`, iam: iam.url });
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
