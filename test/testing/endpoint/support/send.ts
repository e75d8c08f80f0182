import http from 'node:http';
import net from 'node:net';

/** A response as the tests inspect it. */
export interface SentResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The parsed JSON body (the endpoint always answers JSON). */
  json: Record<string, unknown>;
}

/** What to send: typically the object `aws4.sign()` returned, possibly tampered with. */
export interface Outgoing {
  method?: string;
  path?: string;
  headers?: http.OutgoingHttpHeaders;
  body?: string | Buffer;
}

/** Sends a request with node:http to 127.0.0.1:port, the body written as is. */
export function send(port: number, request: Outgoing): Promise<SentResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method ?? 'GET',
        path: request.path ?? '/',
        headers: request.headers,
        agent: false, // one connection per request: nothing left open after the test
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: JSON.parse(text),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Writes raw bytes on a TCP socket and returns the status code and the raw response text. */
export function sendRaw(port: number, bytes: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
  });
}
