import aws4 from 'aws4';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import type { OutgoingHttpHeaders } from 'node:http';
import type { Outgoing } from './send';

/** A request to sign with the `aws4` package, the independent signer of these tests. */
export interface ToSign {
  method?: string;
  path: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  service?: string;
  region?: string;
}

/**
 * Signs for 127.0.0.1:port with aws4 (host header `127.0.0.1:port`, service execute-api and region
 * us-east-1 unless given) and returns what to send. aws4 rewrites `path` into the form it signed
 * (encoded once, query re-serialized), so the returned path is the one to send.
 */
export function signWithAws4(
  port: number,
  request: ToSign,
  credentials: aws4.Credentials = TEST_CREDENTIALS,
): Required<Outgoing> {
  return aws4ForLocalhost(port, request, credentials);
}

/**
 * aws4.sign for 127.0.0.1:port, execute-api in us-east-1 unless `request` says otherwise (its
 * headers copied: aws4 writes into them), as what to send: also for presigned URLs (`signQuery`).
 */
export function aws4ForLocalhost(
  port: number,
  request: aws4.Request & { body?: string | Buffer },
  credentials: aws4.Credentials,
): Required<Outgoing> {
  const signed = aws4.sign(
    {
      host: '127.0.0.1',
      port,
      service: 'execute-api',
      region: 'us-east-1',
      ...request,
      headers: { ...request.headers },
    },
    credentials,
  );
  return {
    method: signed.method ?? 'GET',
    path: signed.path ?? '/',
    headers: signed.headers ?? {},
    body: request.body ?? '',
  };
}
