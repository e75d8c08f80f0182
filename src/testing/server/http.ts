import type { IncomingMessage, ServerResponse } from 'node:http';
import { JSON_CONTENT_TYPE } from '../constants';
import type { RawRequest } from '../types';

/**
 * The HTTP edges of the endpoint: reading a request without interpreting it, and writing the
 * verdict as API Gateway would.
 */

/** Reads method, raw target, raw headers and every body byte. @internal */
export function readRawRequest(req: IncomingMessage): Promise<RawRequest> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () =>
      resolve({
        method: req.method ?? '',
        rawUrl: req.url ?? '',
        rawHeaders: [...req.rawHeaders],
        body: new Uint8Array(Buffer.concat(chunks)),
      }),
    );
  });
}

/**
 * Sends a decided answer. The `Date` header comes from the endpoint's clock (`now`), so a client
 * that corrects its clock skew from `Date`, as the AWS SDK does, can be tested against an
 * endpoint whose clock is set apart.
 * @internal
 */
export function writeAnswer(
  res: ServerResponse,
  answer: { status: number; headers: Record<string, string>; body: Uint8Array },
  now: Date,
): void {
  res.writeHead(answer.status, {
    ...answer.headers,
    date: now.toUTCString(),
    'content-length': answer.body.byteLength,
  });
  res.end(answer.body);
}

/** API Gateway's answer when something breaks after authorization. @internal */
export function writeInternalError(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ message: 'Internal server error' });
  res.writeHead(500, {
    'content-type': JSON_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
