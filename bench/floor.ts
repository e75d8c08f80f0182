import { createHash, createHmac } from 'node:crypto';
import { CREDENTIALS, HOST, REGION, SERVICE, type BenchRequest } from './fixtures';

/**
 * The floor for one signature: what no SigV4 signer can avoid once its signing key is cached.
 * Two SHA-256 (the body, the canonical request) and one HMAC (the string to sign), with
 * node:crypto. The canonical request, scope and key are prepared once, at a fixed date, so the
 * timed part is the crypto and two string joins. Its output is a real signature (checked by the
 * local endpoint's verifier before timing), so it does all the crypto a signature needs.
 */

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) =>
  createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding of a query key or value. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

function canonicalQuery(query: string): string {
  const pairs = [...new URLSearchParams(query)].map(([k, v]) => [encode(k), encode(v)]);
  pairs.sort(([ka, va], [kb, vb]) => (ka === kb ? (va < vb ? -1 : 1) : ka < kb ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** The floor for one request shape: `run` returns the signature, `headersOf` what would be sent. */
export function createFloor(request: BenchRequest): {
  run: () => string;
  headersOf: (signature: string) => Record<string, string>;
} {
  const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${REGION}/${SERVICE}/aws4_request`;
  let key: string | Buffer = `AWS4${CREDENTIALS.secretAccessKey}`;
  for (const part of [day, REGION, SERVICE, 'aws4_request']) key = hmac(key, part);
  const headers: Record<string, string> = {
    ...request.headers,
    host: HOST,
    'x-amz-date': amzDate,
    'x-amz-security-token': CREDENTIALS.sessionToken,
  };
  const names = Object.keys(headers).sort();
  const [path, query = ''] = request.pathAndQuery.split('?');
  const prefix = [
    request.method,
    path,
    canonicalQuery(query),
    ...names.map((name) => `${name}:${headers[name].trim()}`),
    '',
    names.join(';'),
    '',
  ].join('\n');
  const credential = `${CREDENTIALS.accessKeyId}/${scope}`;
  const body = request.body ?? '';
  const signedHeaders = names.join(';');
  return {
    run: () => {
      const canonicalHash = sha256Hex(prefix + sha256Hex(body));
      return createHmac('sha256', key)
        .update(`AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${canonicalHash}`)
        .digest('hex');
    },
    headersOf: (signature) => ({
      ...headers,
      authorization: `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    }),
  };
}
