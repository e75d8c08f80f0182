import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { SignatureV4a } from '@smithy/signature-v4a';
import type { HttpRequest } from '@smithy/types';
import aws4 from 'aws4';
import { TEST_CREDENTIALS, type TestIdentity } from 'aws-sigv4-interceptor/testing';
import type { OutgoingHttpHeaders } from 'node:http';
import type { Outgoing } from './send';
import { aws4ForLocalhost } from './sign';

/**
 * Independent signers for query-string auth and SigV4A: the `aws4` package (`signQuery`),
 * @smithy/signature-v4's `presign` and @smithy/signature-v4a. None of them shares code with the
 * endpoint they are checked against.
 */

export type Query = Record<string, string | string[]>;

/** What to sign, for 127.0.0.1:port. */
export interface ToPresign {
  method?: string;
  /** The path, without query (encoded once, as on the wire). */
  path: string;
  query?: Query;
  headers?: Record<string, string>;
  body?: string;
  service?: string;
  region?: string;
}

/** RFC 3986 encoding, as every SigV4 signer writes a query. */
export const rfc3986 = (text: string): string =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** A query object as `k=v&k=v` in the given order, keys and values RFC 3986-encoded. */
export function queryString(query: Query): string {
  return Object.entries(query)
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => `${rfc3986(key)}=${rfc3986(v)}`),
    )
    .join('&');
}

/** The `yyyymmddThhmmssZ` form of a date, for `X-Amz-Date`. */
export const amzDate = (date: Date): string => date.toISOString().replace(/[-:]|\.\d{3}/g, '');

/**
 * A presigned URL from `aws4.sign({ signQuery: true })`. `aws4` takes X-Amz-Date (and
 * X-Amz-Expires) from the query when present, so pass them there to control time.
 */
export function presignWithAws4(
  port: number,
  request: ToPresign,
  credentials: aws4.Credentials = TEST_CREDENTIALS,
): Required<Outgoing> {
  const { query, path, ...rest } = request;
  return aws4ForLocalhost(
    port,
    { ...rest, path: query ? `${path}?${queryString(query)}` : path, signQuery: true },
    credentials,
  );
}

function smithyRequest(port: number, request: ToPresign): HttpRequest {
  return {
    method: request.method ?? 'GET',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    path: request.path,
    query: { ...request.query },
    headers: { host: `127.0.0.1:${port}`, ...request.headers },
    body: request.body,
  };
}

function toOutgoing(signed: HttpRequest, body: string | undefined): Required<Outgoing> {
  const query = queryString(signed.query as Query);
  return {
    method: signed.method,
    path: query ? `${signed.path}?${query}` : signed.path,
    headers: signed.headers as OutgoingHttpHeaders,
    body: body ?? '',
  };
}

/** A presigned URL from @smithy/signature-v4's `presign`. */
export async function presignWithSmithy(
  port: number,
  request: ToPresign,
  options: { signingDate: Date; expiresIn?: number },
  credentials: TestIdentity = TEST_CREDENTIALS,
): Promise<Required<Outgoing>> {
  const signer = new SignatureV4({
    credentials,
    region: request.region ?? 'us-east-1',
    service: request.service ?? 'execute-api',
    sha256: Sha256,
  });
  const signed = await signer.presign(smithyRequest(port, request), options);
  return toOutgoing(signed, request.body);
}

/** A header-signed SigV4A request from @smithy/signature-v4a; `regionSet` e.g. `us-east-1` or `*`. */
export async function signV4aWithSmithy(
  port: number,
  request: ToPresign & { regionSet: string },
  signingDate: Date,
  credentials: TestIdentity = TEST_CREDENTIALS,
): Promise<Required<Outgoing>> {
  const signer = new SignatureV4a({
    credentials,
    region: request.regionSet,
    service: request.service ?? 'execute-api',
    sha256: Sha256,
  });
  const signed = (await signer.sign(smithyRequest(port, request), { signingDate })) as HttpRequest;
  return toOutgoing(signed, request.body);
}

/**
 * A presigned SigV4A URL. @smithy/signature-v4a has no `presign`, so its `sign` is made to sign
 * the query form: the X-Amz-* parameters go into the query before signing (its canonical query
 * then holds them all, X-Amz-Signature aside), the headers it adds are kept out of the signature,
 * and the signature it writes into Authorization moves to X-Amz-Signature. Only `host` is signed.
 */
export async function presignV4aWithSmithy(
  port: number,
  request: ToPresign & { regionSet: string },
  options: { signingDate: Date; expiresIn: number },
  credentials: TestIdentity = TEST_CREDENTIALS,
): Promise<Required<Outgoing>> {
  const service = request.service ?? 'execute-api';
  const longDate = amzDate(options.signingDate);
  const query: Query = {
    ...request.query,
    'X-Amz-Algorithm': 'AWS4-ECDSA-P256-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${longDate.slice(0, 8)}/${service}/aws4_request`,
    'X-Amz-Date': longDate,
    'X-Amz-Expires': String(options.expiresIn),
    'X-Amz-Region-Set': request.regionSet,
    'X-Amz-SignedHeaders': 'host',
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
  };
  const signer = new SignatureV4a({
    credentials,
    region: request.regionSet,
    service,
    sha256: Sha256,
    applyChecksum: false,
  });
  const unsignableHeaders = new Set(['x-amz-date', 'x-amz-region-set', 'x-amz-security-token']);
  const signed = (await signer.sign(smithyRequest(port, { ...request, query }), {
    signingDate: options.signingDate,
    unsignableHeaders,
  })) as HttpRequest;
  const authorization = String(signed.headers.authorization);
  if (!authorization.includes('SignedHeaders=host,')) {
    throw new Error(`expected only host to be signed, got ${authorization.split(',')[1]}`);
  }
  const signature = /Signature=([0-9a-f]+)$/.exec(authorization)?.[1] ?? '';
  const presigned = { ...signed, query: { ...query, 'X-Amz-Signature': signature } };
  return toOutgoing(
    { ...presigned, headers: { host: `127.0.0.1:${port}` } } as HttpRequest,
    request.body,
  );
}
