import aws4 from 'aws4';

/** A request as signed: exactly the headers to sign, the signing time among them. */
export interface Aws4SignedRequest {
  method: string;
  /** Absolute URL, path and query exactly as sent. */
  url: string;
  /** Lower-case name → value; a repeated field given as its values already joined with `,`. */
  headers: Record<string, string>;
  body: Uint8Array;
  service: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * Why `aws4` cannot serve as an oracle for a request, or undefined when it can. Known departures
 * of aws4 1.13 from SigV4 (botocore and the AWS suite agree with us on all three):
 * - a query parameter with an empty name is dropped from its canonical query;
 * - a path holding characters outside `[0-9A-Za-z;,/?:@&=+$\-_.!~*'()#%]` (`|`, `^`, `[`...)
 *   goes through `encodeURI(decodeURI(path))`, which decodes `%41` to `A` and encodes `|` once
 *   more;
 * - a header named like a property of Object.prototype (`constructor`, `toString`,
 *   `__proto__`...) is taken for one of its never-signed headers (a plain-object lookup), or
 *   lost when it copies the headers with Object.assign.
 */
export function aws4Limitation(url: string, headerNames: string[]): string | undefined {
  const { pathname, searchParams } = new URL(url);
  if ([...searchParams.keys()].includes('')) return 'a query parameter with an empty name';
  if (/[^0-9A-Za-z;,/?:@&=+$\-_.!~*'()#%]/.test(pathname)) return 'raw characters aws4 re-encodes';
  if (headerNames.some((name) => name in Object.prototype)) {
    return 'a header named like an Object.prototype property';
  }
  return undefined;
}

/** A request for aws4 to sign: the one of {@link Aws4SignedRequest}, with any body. */
type Aws4Input = Omit<Aws4SignedRequest, 'body'> & { body?: string | Buffer };

/**
 * aws4's signer for `request`, prepared: the headers aws4 adds itself (Content-Type,
 * Content-Length...) are in `signer.request.headers`, for the caller to drop before it signs.
 */
export function preparedAws4Signer(request: Aws4Input): aws4.RequestSigner {
  const url = new URL(request.url);
  const signer = new aws4.RequestSigner(
    {
      host: url.host,
      path: url.pathname + url.search,
      method: request.method,
      headers: { ...request.headers },
      body: request.body,
      service: request.service,
      region: request.region,
    },
    request.credentials,
  );
  signer.prepareRequest();
  return signer;
}

/**
 * The Authorization header `aws4` computes for a request as it was signed and sent. aws4 adds
 * Content-Type and Content-Length to a request with a body and would sign them: what it adds
 * beyond the given headers is removed before it signs.
 */
export function aws4AuthorizationOf(request: Aws4SignedRequest): string {
  const signer = preparedAws4Signer({ ...request, body: Buffer.from(request.body) });
  const headers = signer.request.headers as Record<string, unknown>;
  for (const name of Object.keys(headers)) {
    if (!(name in request.headers)) delete headers[name];
  }
  return signer.authHeader();
}
