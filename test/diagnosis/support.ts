import aws4 from 'aws4';
import { TEST_CREDENTIALS, type TestIdentity } from 'aws-sigv4-interceptor/testing';
import type { OutgoingHttpHeaders } from 'node:http';
import type { SigningRecord } from '../../src/diagnosis/types';
import type { Outgoing } from '../testing/endpoint/support/send';

/**
 * Realistic API Gateway answers for the diagnosis tests, written from AWS's documented wording
 * (not from the local endpoint's code), and an aws4-signed request with its SigningRecord.
 */

/** The `InvalidSignatureException` message of API Gateway, canonical blocks included. */
export function mismatchMessage(canonicalRequest: string, stringToSign: string): string {
  return (
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.' +
    `\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'` +
    `\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`
  );
}

/** A token shaped like an STS session token: what must never appear in a diagnosis. */
export const SESSION_TOKEN =
  'IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQDexampleSessionTokenValue==';

/** A canonical request in smithy's and API Gateway's layout. */
export function canonical(parts: {
  method?: string;
  path?: string;
  query?: string;
  headers: ReadonlyArray<readonly [string, string]>;
  payloadHash?: string;
}): string {
  return [
    parts.method ?? 'GET',
    parts.path ?? '/prod/items',
    parts.query ?? '',
    parts.headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    parts.headers.map(([name]) => name).join(';'),
    parts.payloadHash ?? 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ].join('\n');
}

/** A string to sign for a canonical request (the hash line is not compared, any value does). */
export function stringToSign(
  scope = '20261122/eu-west-1/execute-api/aws4_request',
  date = '20261122T120000Z',
): string {
  return ['AWS4-HMAC-SHA256', date, scope, 'f'.repeat(64)].join('\n');
}

/** The record our signer keeps: the token already masked, as the recorder masks it. */
export function recordOf(
  canonicalRequest: string,
  sts = stringToSign(),
  url = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items',
): SigningRecord {
  const lines = canonicalRequest.split('\n');
  return {
    method: lines[0],
    url,
    region: 'eu-west-1',
    service: 'execute-api',
    canonicalRequest: canonicalRequest.replace(/^(x-amz-security-token:).*$/m, '$1***'),
    stringToSign: sts,
    signedHeaders: lines[lines.length - 2].split(';'),
  };
}

/** A request to sign with aws4 for the local endpoint. */
export interface ToSign {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The host to sign for. @default '127.0.0.1:PORT' */
  host?: string;
}

/**
 * Signs with the independent `aws4` package (service execute-api, region us-east-1, the
 * endpoint's defaults) and returns what to send plus a SigningRecord built from aws4's own
 * canonicalString() and stringToSign(). Content-Length is left unsigned, as our signer does, so
 * that a tampered body changes only the payload hash.
 */
export function signWithRecord(
  port: number,
  request: ToSign,
  credentials: TestIdentity = TEST_CREDENTIALS,
): { outgoing: Required<Outgoing>; record: SigningRecord } {
  const host = request.host ?? `127.0.0.1:${port}`;
  const signer = new aws4.RequestSigner(
    {
      host,
      path: request.path,
      method: request.method ?? 'GET',
      headers: { Host: host, ...request.headers },
      body: request.body,
      service: 'execute-api',
      region: 'us-east-1',
    },
    credentials,
  );
  signer.prepareRequest();
  const headers = signer.request.headers as OutgoingHttpHeaders;
  delete headers['Content-Length'];
  signer.sign();
  const canonicalRequest = signer.canonicalString();
  const record: SigningRecord = {
    method: request.method ?? 'GET',
    url: `http://${host}${signer.request.path}`,
    region: 'us-east-1',
    service: 'execute-api',
    canonicalRequest: canonicalRequest.replace(/^(x-amz-security-token:).*$/m, '$1***'),
    stringToSign: signer.stringToSign(),
    signedHeaders: signer.signedHeaders().split(';'),
  };
  const outgoing = {
    method: request.method ?? 'GET',
    path: signer.request.path ?? '/',
    headers: { ...headers },
    body: request.body ?? '',
  };
  return { outgoing, record };
}
