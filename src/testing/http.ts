import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_TYPE_HEADER, JSON_CONTENT_TYPE } from './constants';
import { buildEcho } from './echo';
import type { RawRequest, VerifyResult } from './types';

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
 * Sends the 200 echo or the 403. The `Date` header comes from the endpoint's clock (`now`), so a
 * client that corrects its clock skew from `Date`, as the AWS SDK does, can be tested against an
 * endpoint whose clock is set apart.
 * @internal
 */
export function writeVerdict(
  res: ServerResponse,
  raw: RawRequest,
  result: VerifyResult,
  now: Date,
): void {
  const headers: Record<string, string> = {
    'content-type': JSON_CONTENT_TYPE,
    date: now.toUTCString(),
  };
  if (!result.ok) headers[ERROR_TYPE_HEADER] = result.errorType;
  const payload = result.ok ? buildEcho(raw, result) : { message: result.message };
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  res.writeHead(result.ok ? 200 : result.status, { ...headers, 'content-length': body.length });
  res.end(body);
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
