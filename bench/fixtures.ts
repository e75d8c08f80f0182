import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';

/** The requests and credentials every candidate signs: one set, shared by all sections. */

export const REGION = 'eu-west-1';
export const SERVICE = 'execute-api';
export const HOST = `abc123.${SERVICE}.${REGION}.amazonaws.com`;

/** Static temporary credentials (with a session token, as Lambda's role gives). */
export const CREDENTIALS = {
  accessKeyId: TEST_CREDENTIALS.accessKeyId,
  secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
  sessionToken: TEST_CREDENTIALS.sessionToken,
};

/** One request shape, as each library takes it apart. */
export interface BenchRequest {
  readonly id: string;
  readonly label: string;
  readonly method: 'GET' | 'POST';
  /** Path and query, already in canonical (RFC 3986) encoding. */
  readonly pathAndQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** ASCII JSON of exactly `size` bytes: records, then a padding string to the byte. */
export function jsonOfSize(size: number): string {
  const items: string[] = [];
  let length = '{"items":[],"pad":""}'.length;
  for (let i = 0; ; i++) {
    const item = JSON.stringify({ id: i, name: `item-${i}`, price: i * 1.5, tags: ['a', 'b'] });
    if (length + item.length + 1 > size) break;
    items.push(item);
    length += item.length + (items.length > 1 ? 1 : 0);
  }
  const head = `{"items":[${items.join(',')}],"pad":"`;
  return `${head}${'x'.repeat(size - head.length - 2)}"}`;
}

const COMMON_HEADERS = {
  accept: 'application/json',
  'x-request-id': '3f2b8c1e-5d4a-4e7b-9a61-0c2d7e8f9b10',
  'x-app-version': '4.2.1',
};
const JSON_HEADERS = { ...COMMON_HEADERS, 'content-type': 'application/json' };

export const JSON_1K = jsonOfSize(1024);
export const JSON_1M = jsonOfSize(1024 * 1024);
/** A Buffer, as Node code holds bytes (axios would send a bare Uint8Array's whole ArrayBuffer). */
export const BYTES_1M = Buffer.from(JSON_1M);

export const GET: BenchRequest = {
  id: 'get',
  label: 'GET with query and headers',
  method: 'GET',
  pathAndQuery: '/prod/items?limit=10&color=red%20blue&tag=a&tag=b',
  headers: COMMON_HEADERS,
};
export const POST_1K: BenchRequest = {
  id: 'post1k',
  label: 'POST 1 KB JSON (string)',
  method: 'POST',
  pathAndQuery: '/prod/orders',
  headers: JSON_HEADERS,
  body: JSON_1K,
};
export const POST_1M: BenchRequest = {
  id: 'post1m',
  label: 'POST 1 MB JSON (string)',
  method: 'POST',
  pathAndQuery: '/prod/orders',
  headers: JSON_HEADERS,
  body: JSON_1M,
};
export const POST_1M_BYTES: BenchRequest = {
  id: 'post1mBytes',
  label: 'POST 1 MB (Buffer)',
  method: 'POST',
  pathAndQuery: '/prod/orders',
  headers: JSON_HEADERS,
  body: BYTES_1M,
};

/** The query of a request as a decoded multi-map, as @smithy/signature-v4 takes it. */
export function queryOf(request: BenchRequest): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  const search = new URL(request.pathAndQuery, 'https://x').searchParams;
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  return query;
}

export const pathOf = (request: BenchRequest): string => request.pathAndQuery.split('?')[0];
