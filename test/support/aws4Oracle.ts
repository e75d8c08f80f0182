import { preparedAws4Signer } from './aws4Signed';

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
  const signer = preparedAws4Signer(request);
  const headers = signer.request.headers as Record<string, unknown>;
  delete headers['Content-Length'];
  return signer.authHeader();
}
