import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

/** Statuses whose response has no body, for which `new Response` refuses one. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function toResponse(res: IncomingMessage): Response {
  const headers = new Headers();
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
  }
  const status = res.statusCode ?? 502;
  const body = NULL_BODY.has(status) ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
  if (body === null) res.resume();
  return new Response(body, { status, statusText: res.statusMessage, headers });
}

/**
 * `-k/--insecure`: a fetch for the request itself that accepts any TLS certificate (self-signed,
 * expired, another host's), as curl -k does. Built on node:https with `rejectUnauthorized: false`
 * for this request only: the credential providers (STS, SSO, the container endpoint) keep
 * verifying theirs, which a process-wide NODE_TLS_REJECT_UNAUTHORIZED=0 would not. Redirects are
 * the signed fetch's business (it follows them itself), so this one never follows any.
 * @internal
 */
export const insecureFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
  const headers: Record<string, string> = Object.fromEntries(request.headers);
  if (body) headers['content-length'] = String(body.byteLength);
  const url = new URL(request.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Response>((resolve, reject) => {
    const outgoing = send(
      url,
      {
        method: request.method,
        headers,
        rejectUnauthorized: false,
        signal: init?.signal ?? undefined,
      },
      (res) => resolve(toResponse(res)),
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
};
