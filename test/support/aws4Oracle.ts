import aws4 from 'aws4';

interface OracleRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  service: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * The Authorization header the independent `aws4` package computes for a wire request.
 * aws4 adds and signs Content-Length; our signer leaves it to the HTTP client (DOMAIN.md §5), so
 * it is dropped after aws4 prepares the request and before aws4 signs it.
 */
export function aws4Authorization(request: OracleRequest): string {
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
  const headers = signer.request.headers as Record<string, unknown>;
  delete headers['Content-Length'];
  return signer.authHeader();
}
