import aws4 from 'aws4';

/** The Authorization header the independent `aws4` package computes for a wire request. */
export function aws4Authorization(request: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  service: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}): string {
  const url = new URL(request.url);
  const signed = aws4.sign(
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
  return String(signed.headers!.Authorization);
}
