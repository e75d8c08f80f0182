import http from 'node:http';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
  type TestIdentity,
} from 'aws-sigv4-interceptor/testing';
import type { Outgoing } from '../support/send';
import { signWithAws4, type ToSign } from '../support/sign';

/** A response as these tests inspect it; `json` is undefined when the body is not JSON. */
export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

/** Sends with node:http to 127.0.0.1:port, one connection per request, body written as is. */
export function request(port: number, outgoing: Outgoing): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: outgoing.method ?? 'GET',
        path: outgoing.path ?? '/',
        headers: outgoing.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(outgoing.body);
  });
}

/** `yyyymmddThhmmssZ`. */
export const amzDate = (date: Date): string => date.toISOString().replace(/[-:]|\.\d{3}/g, '');

/** Signs with aws4 (the independent oracle) at `date` for 127.0.0.1:port. */
export function signAt(
  port: number,
  date: Date,
  toSign: ToSign,
  credentials: TestIdentity = TEST_CREDENTIALS,
): Required<Outgoing> {
  const headers = { 'X-Amz-Date': amzDate(date), ...toSign.headers };
  return signWithAws4(port, { ...toSign, headers }, credentials);
}

/** The Signature= value of a signed request's Authorization header. */
export function signatureOf(outgoing: Required<Outgoing>): string {
  const match = /Signature=([0-9a-f]{64})/.exec(String(outgoing.headers.Authorization));
  if (!match) throw new Error('no signature in the Authorization header');
  return match[1];
}

/**
 * An API Gateway error answer: status, `x-amzn-ErrorType`, `{"message": ...}` body, and none of
 * the secrets the request was signed with (secret key, session token, signature) anywhere.
 */
export function expectApiGatewayError(
  reply: Reply,
  status: number,
  errorType: string,
  message: string,
  sent: Required<Outgoing>,
  credentials: TestIdentity = TEST_CREDENTIALS,
): void {
  expect(reply.status).toBe(status);
  expect(reply.headers['x-amzn-errortype']).toBe(errorType);
  expect(reply.headers['content-type']).toBe('application/json');
  expect(reply.json).toEqual({ message });
  const everything = reply.text + JSON.stringify(reply.headers);
  const secrets = [credentials.secretAccessKey, credentials.sessionToken, signatureOf(sent)];
  for (const secret of secrets) {
    if (secret !== undefined) expect(everything).not.toContain(secret);
  }
}

/**
 * Expects `startLocalIamEndpoint(options)` to throw `expected` (same class, same message), and
 * closes the endpoint if it started anyway, so a failing case leaves no server behind.
 */
export async function expectStartToFail(
  options: LocalIamEndpointOptions,
  expected: Error,
): Promise<void> {
  let endpoint: LocalIamEndpoint | undefined;
  try {
    endpoint = await startLocalIamEndpoint(options);
  } catch (error) {
    expect(error).toBeInstanceOf(expected.constructor);
    expect((error as Error).message).toBe(expected.message);
    return;
  } finally {
    await endpoint?.close();
  }
  throw new Error('the endpoint started; expected it to refuse its options');
}

/**
 * Starts endpoints for the tests of a describe block (with these defaults under each test's own
 * options) and closes every one of them after each test.
 */
export function useEndpoints(
  defaults: LocalIamEndpointOptions = {},
): (options: LocalIamEndpointOptions) => Promise<LocalIamEndpoint> {
  const started: LocalIamEndpoint[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((endpoint) => endpoint.close()));
  });
  return async (options) => {
    const endpoint = await startLocalIamEndpoint({ ...defaults, ...options });
    started.push(endpoint);
    return endpoint;
  };
}
