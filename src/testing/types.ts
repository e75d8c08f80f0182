/**
 * The public types of `aws-sigv4-interceptor/testing`. Imports nothing, so every file of the
 * endpoint can depend on it without cycles.
 */

/** One identity the endpoint accepts, as IAM would know it. */
export interface TestIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry exactly this `x-amz-security-token` (temporary credentials). */
  sessionToken?: string;
}

/** A request exactly as it arrived, before any parsing: what the signature has to cover. */
export interface RawRequest {
  method: string;
  /**
   * The request target as received: path, then `?` and the query when there is one (node's
   * `req.url`). Characters above U+007F are read as their UTF-8 bytes; node's HTTP parser rejects
   * them on the wire, so they only arise when `verifyRequest` is called directly.
   */
  rawUrl: string;
  /** Flat `[name, value, name, value, ...]` in received order, as node's `req.rawHeaders`. */
  rawHeaders: string[];
  /** Every body byte received. */
  body: Uint8Array;
}

/** How the endpoint checks signatures. Every field is optional. */
export interface VerifyOptions {
  /** The region the credential scope must name. @default 'us-east-1' */
  region?: string;
  /** The service the credential scope must name. @default 'execute-api' */
  service?: string;
  /** The identities accepted. @default [TEST_CREDENTIALS] */
  credentials?: TestIdentity[];
  /**
   * The server clock, for skew checks and the response's `Date` header.
   * @default () => new Date()
   * @example { now: () => new Date(Date.now() + 10 * 60 * 1000) } // a server 10 minutes ahead
   */
  now?: () => Date;
  /** Largest accepted distance between `x-amz-date` and `now()`. @default 300000 (5 minutes) */
  maxSkewMs?: number;
  /**
   * Normalize the path and encode it a second time, as every service but S3 does. Pass `false`
   * for S3, which signs the path exactly as sent.
   * @default true
   */
  uriEscapePath?: boolean;
}

/** A 403 as API Gateway sends it, plus the server's own computation when it got that far. */
export interface VerifyFailure {
  ok: false;
  status: 403;
  /** The `x-amzn-ErrorType` header value, e.g. `InvalidSignatureException`. */
  errorType: string;
  message: string;
  canonicalRequest?: string;
  stringToSign?: string;
}

/** A verified request: who signed it and what the server computed. */
export interface VerifySuccess {
  ok: true;
  accessKeyId: string;
  canonicalRequest: string;
  stringToSign: string;
  /** The signed header names, in canonical order. */
  signedHeaders: string[];
}

/** The outcome of {@link verifyRequest}. */
export type VerifyResult = VerifySuccess | VerifyFailure;

/** A running endpoint. */
export interface LocalIamEndpoint {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  port: number;
  /** Every request received, in order, with its verdict. */
  requests: Array<{ raw: RawRequest; result: VerifyResult }>;
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>;
}

/** Options of {@link startLocalIamEndpoint}. */
export interface LocalIamEndpointOptions extends VerifyOptions {
  /** Port to listen on; 0 lets the system choose a free one. @default 0 */
  port?: number;
}
