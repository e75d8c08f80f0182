/**
 * The public types of `aws-sigv4-interceptor/testing`. Imports nothing, so every file of the
 * endpoint can depend on it without cycles.
 */

/** One identity the endpoint accepts, as IAM would know it. */
export interface TestIdentity {
  /** The access key id; a request whose `Credential=` names it is checked against this identity. */
  accessKeyId: string;
  /** The secret key the endpoint recomputes the signature with. */
  secretAccessKey: string;
  /** When set, requests must carry exactly this `x-amz-security-token` (temporary credentials). */
  sessionToken?: string;
  /**
   * When the credentials lapse, on the endpoint's clock (`now` plus `clockOffsetMs`). From that
   * instant on, requests signed with them get API Gateway's 403 `ExpiredTokenException`
   * "The security token included in the request is expired", even when the signature verifies.
   * @default undefined (never expires)
   */
  expiration?: Date;
  /**
   * The caller's ARN, as IAM names it in an `AccessDeniedException`.
   * @default 'arn:aws:sts::ACCOUNT:assumed-role/local-test-role/local-test-session' for an `ASIA`
   * key id, 'arn:aws:iam::ACCOUNT:user/local-test-user' otherwise (ACCOUNT: the endpoint's `accountId`)
   */
  arn?: string;
}

/** A request exactly as it arrived, before any parsing: what the signature has to cover. */
export interface RawRequest {
  /** The HTTP method as received (node's `req.method`), used as is in the canonical request. */
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
  /**
   * Moves the server clock: the endpoint's time is `now() + clockOffsetMs`. It drives the skew
   * check, the `expiration` check and the `Date` response header alike, so a client that corrects
   * its clock from `Date` (as the AWS SDK does) can be tested. Combines with `now`.
   * @default 0
   * @example { clockOffsetMs: 10 * 60 * 1000 } // a server 10 minutes ahead of this machine
   */
  clockOffsetMs?: number;
  /**
   * Access key ids whose session was revoked: their requests get API Gateway's 403
   * `UnrecognizedClientException` "The security token included in the request is invalid." even
   * when the signature verifies. A list is read on every request (push to it to revoke during a
   * test); a predicate is called with the identity on every request.
   * @default [] (nothing revoked)
   * @example { revoked: [TEST_CREDENTIALS.accessKeyId] }
   */
  revoked?: readonly string[] | ((identity: Readonly<TestIdentity>) => boolean);
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
  /** Always `false`: the request is refused. */
  ok: false;
  /** Always 403, as API Gateway answers. */
  status: 403;
  /** The `x-amzn-ErrorType` header value, e.g. `InvalidSignatureException`. */
  errorType: string;
  /** API Gateway's error message, sent as `message` in the JSON body. */
  message: string;
  /** The server's canonical request; absent when refused before the signature was read. */
  canonicalRequest?: string;
  /** The server's string to sign; absent when refused before the signature was read. */
  stringToSign?: string;
}

/**
 * The body of a verified request's 200: what the server received and computed, so a test can
 * assert on the request as it arrived (path and query as sent, headers, body bytes) rather than as
 * the client meant it.
 */
export interface VerifiedEcho {
  /** Always `'verified'`. */
  message: 'verified';
  /** The access key id of the identity that signed the request. */
  accessKeyId: string;
  /** The HTTP method as received. */
  method: string;
  /** The path as received, still percent-encoded, without the query. */
  path: string;
  /** The text after the first `?`, `''` when none. */
  rawQuery: string;
  /** Decoded `[key, value]` pairs in received order; `+` is left as `+`. */
  query: Array<[string, string]>;
  /** Lower-cased names; values as received; repeated fields joined with `, `. */
  headers: Record<string, string>;
  /** The number of body bytes received. */
  bodyLength: number;
  /** Hex SHA-256 of the body bytes. */
  bodySha256: string;
  /** The body bytes, base64-encoded. */
  bodyBase64: string;
  /** The signed header names: lower case, without repeats, sorted. */
  signedHeaders: string[];
  /** The canonical request the server computed from the request as received. */
  canonicalRequest: string;
  /** The string to sign the server computed. */
  stringToSign: string;
}

/** A verified request: who signed it and what the server computed. */
export interface VerifySuccess {
  /** Always `true`: the signature verifies. */
  ok: true;
  /** The access key id of the identity that signed the request. */
  accessKeyId: string;
  /** The canonical request the server computed from the request as received. */
  canonicalRequest: string;
  /** The string to sign the server computed. */
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
  /** The port it listens on (the one the system chose when `port` was 0). */
  port: number;
  /**
   * Every request received, in order, with its verdict and the status answered. A request refused
   * by `routes` or `authorize` has a failing verdict (`MissingAuthenticationTokenException`,
   * `AccessDeniedException`); a redirect or an integration failure keeps its successful verdict.
   */
  requests: Array<{
    /** The request as received. */
    raw: RawRequest;
    /** The verdict: the signature check's, or the `routes` / `authorize` refusal. */
    result: VerifyResult;
    /** The HTTP status answered (101 for an accepted WebSocket upgrade). */
    status: number;
  }>;
  /**
   * The real-time side (with the `appsync` option): the messages verified, and delivery to the
   * subscriptions open on the endpoint.
   */
  realtime: LocalRealtime;
  /**
   * Ready-made options for this package's signers (`createSignedFetch`, `attachSigV4`,
   * `createSigner`, `presign`): the endpoint's region and service, its `host:port` as the only
   * host in scope (127.0.0.1 cannot be inferred, and an unscoped host passes through unsigned),
   * and the first identity it accepts (by default {@link TEST_CREDENTIALS}).
   * @example
   * const endpoint = await startLocalIamEndpoint({ region: 'eu-west-1' });
   * const signedFetch = createSignedFetch(endpoint.signingOptions);
   * await signedFetch(`${endpoint.url}/prod/items`); // 200, signature verified
   */
  signingOptions: LocalSigningOptions;
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>;
}

/** A real-time message the endpoint verified (`start`, `subscribe`, `publish`), and its verdict. */
export interface RealtimeMessageRecord {
  /** `graphql` (AppSync GraphQL) or `events` (AppSync Events). */
  protocol: 'graphql' | 'events';
  /** The message type: `start`, `subscribe` or `publish`. */
  type: string;
  /** The message's id. */
  id: string;
  /** The verdict on its `authorization`, with the server's canonical request. */
  result: VerifyResult;
}

/** The real-time side of a {@link LocalIamEndpoint}. */
export interface LocalRealtime {
  /** Every `start`, `subscribe` and `publish` received, in order, with its verdict. */
  messages: RealtimeMessageRecord[];
  /**
   * Sends a GraphQL subscription `data` message (`{"type":"data","id":...,"payload":{"data":
   * data}}`), as AppSync does after a mutation, to every started subscription whose query names a
   * top-level field of `data`.
   * @returns the number of subscriptions reached
   * @example endpoint.realtime.publishGraphql({ onCreateMessage: { id: '1', text: 'hi' } })
   */
  publishGraphql(data: Readonly<Record<string, unknown>>): number;
  /**
   * Delivers events (each sent as its JSON text) to the AppSync Events subscriptions covering
   * `channel`, as a publish does.
   * @returns the number of subscriptions reached
   */
  publishEvents(channel: string, events: readonly unknown[]): number;
}

/**
 * The `appsync` option of {@link LocalIamEndpointOptions}: AppSync's real-time protocols.
 */
export interface LocalAppSyncOptions {
  /**
   * The API's HTTP host, which AppSync verifies each signature against (`host` is signed).
   * @default the upgrade request's Host, with `appsync-realtime-api` read as `appsync-api`: the
   * endpoint's own `127.0.0.1:PORT` when it is addressed directly, as a custom domain is
   */
  apiHost?: string;
  /** Milliseconds between `ka` (keep-alive) messages after `connection_ack`. @default 60000 */
  keepAliveMs?: number;
}

/**
 * Signing options that match a local endpoint; assignable to the package's `SigV4Options`.
 * A new object (and `hosts` array) on each read, so a test may change its copy freely.
 */
export interface LocalSigningOptions {
  /** The region the endpoint checks, e.g. `eu-west-1`. */
  region: string;
  /** The service the endpoint checks, `execute-api` by default. */
  service: string;
  /** The endpoint's `host:port`, e.g. `127.0.0.1:53187`: the only host these options sign for. */
  hosts: string[];
  /** The first identity the endpoint accepts: its key id, secret key and session token, if any. */
  credentials: {
    /** The identity's access key id. */
    accessKeyId: string;
    /** The identity's secret key. */
    secretAccessKey: string;
    /** Its session token, when it has one (the default identity does). */
    sessionToken?: string;
  };
}

/**
 * A verified request as IAM evaluates it for `execute-api:Invoke`. The path's first segment is the
 * stage, as on `https://{apiId}.execute-api.{region}.amazonaws.com/{stage}/...`.
 */
export interface InvokeRequest {
  /** The HTTP method as received, as it appears in `resourceArn`. */
  method: string;
  /** The path as received (still percent-encoded), without the query. */
  path: string;
  /** The first path segment; `''` for `/`. */
  stage: string;
  /** The path after the stage, starting with `/` (`/` alone for the stage root). */
  resourcePath: string;
  /** The access key id of the identity that signed the request. */
  accessKeyId: string;
  /** The caller, e.g. `arn:aws:sts::123456789012:assumed-role/local-test-role/local-test-session`. */
  principalArn: string;
  /** `arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH`, the resource IAM checks. */
  resourceArn: string;
}

/**
 * An IAM decision: `true` allows; `false` is an implicit deny (no policy allows it);
 * `'explicit-deny'` is a policy statement that denies it (the message then ends
 * "with an explicit deny").
 */
export type AuthorizeDecision = boolean | 'explicit-deny';

/** What an integration answers in place of the 200 echo. */
export interface IntegrationResponse {
  /** An HTTP status, 100-599. */
  status: number;
  /** A string or bytes are sent as is; anything else as JSON. @default no body */
  body?: unknown;
  /** Extra response headers. `content-type` defaults to `application/json`. */
  headers?: Record<string, string>;
}

/** Where a redirect goes, and with which status. */
export interface RedirectTarget {
  /** The `Location` header, sent verbatim: an absolute URL or a path on this endpoint. */
  location: string;
  /** @default 302 */
  status?: 301 | 302 | 303 | 307 | 308;
}

/**
 * Options of {@link startLocalIamEndpoint}. After the options of {@link VerifyOptions}, a request
 * goes through, in API Gateway's order: `routes` (before any signature check, as a REST API does),
 * the signature, `authorize`, then the backend: `redirects`, `failingRoutes`, `integration`, and
 * the 200 echo when none of them answered.
 *
 * Route patterns (`routes`, `authorize`, `failingRoutes`) are `'METHOD /path'` matched against
 * the whole path as received, stage included: METHOD is a method name, or `ANY` / `*` for any; a
 * `{name}` segment matches one segment, a final `{name+}` one or more. Segments are compared
 * percent-decoded; empty segments are ignored.
 */
export interface LocalIamEndpointOptions extends VerifyOptions {
  /** Port to listen on; 0 lets the system choose a free one. @default 0 */
  port?: number;
  /** The account in ARNs (principal and resource). @default '123456789012' */
  accountId?: string;
  /** The API id in resource ARNs. @default 'abcde12345' */
  apiId?: string;
  /**
   * The routes the API has. Any other request gets API Gateway's 403
   * `MissingAuthenticationTokenException` "Missing Authentication Token", signed or not.
   * @default undefined (every route exists)
   * @example { routes: ['GET /prod/items', 'ANY /prod/items/{id}', 'POST /prod/files/{key+}'] }
   */
  routes?: readonly string[];
  /**
   * The caller's IAM policy for `execute-api:Invoke`: the route patterns it allows, or a decision
   * per request. A refused request gets the 403 `AccessDeniedException` "User: PRINCIPAL_ARN is not
   * authorized to perform: execute-api:Invoke on resource: RESOURCE_ARN" (plus " with an explicit
   * deny" for `'explicit-deny'`).
   * @default undefined (everything allowed)
   * @example { authorize: ['GET /prod/items'] }
   * @example { authorize: (invoke) => invoke.method === 'GET' || 'explicit-deny' }
   */
  authorize?: readonly string[] | ((invoke: InvokeRequest) => AuthorizeDecision);
  /**
   * Paths (exactly as received, without the query) that the backend redirects, after the
   * signature and `authorize` passed, as a Lambda answering a redirect would.
   * @default {}
   * @example { redirects: { '/prod/old': `${recorder.url}/new` } }
   * @example { redirects: { '/prod/old': { location: '/prod/new', status: 307 } } }
   */
  redirects?: Readonly<Record<string, string | RedirectTarget>>;
  /**
   * Route patterns whose integration fails after a valid signature: 500
   * `{"message": "Internal server error"}`, as when a Lambda integration that uses the caller's
   * credentials lacks `lambda:InvokeFunction`.
   * @default []
   */
  failingRoutes?: readonly string[];
  /**
   * The backend, called for every verified and authorized request that no redirect or failing
   * route answered: return a response to send, or `undefined` for the 200 echo. If it throws,
   * the endpoint answers 500 `{"message": "Internal server error"}`.
   * @default undefined (the 200 echo)
   */
  integration?: (echo: VerifiedEcho, invoke: InvokeRequest) => IntegrationResponse | undefined;
  /**
   * Answer CORS like an API Gateway HTTP API configured with CORS, for browser tests: a preflight
   * (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) gets 204 with the allowed
   * methods and headers and needs no signature; every other response, 403s included, carries
   * `Access-Control-Allow-Origin` and exposes `Date` and `x-amzn-ErrorType`.
   * @default undefined (no CORS: a preflight is refused like any unsigned request)
   * @example { cors: { allowOrigin: 'http://127.0.0.1:5173', allowCredentials: true } }
   */
  cors?: CorsOptions;
  /**
   * Serve AppSync's real-time protocols, verifying IAM with the service `appsync` in `region`:
   * GraphQL subscriptions (WebSocket at `/graphql/realtime`, or `/graphql`: the `header` query
   * parameter or `header-` subprotocol verified over a POST of `{}` to `/graphql/connect`, each
   * `start` over its `data`), AppSync Events (WebSocket at `/event/realtime`: the `header-`
   * subprotocol over `{}` to `/event`, each `subscribe` and `publish` over its channel and events)
   * and Events' HTTP publishing (signed `POST /event`). A refused handshake is still upgraded and
   * gets AppSync's `connection_error`; each refused message its `error`. `true` for the defaults.
   * @default undefined (those paths are ordinary routes)
   */
  appsync?: boolean | LocalAppSyncOptions;
  /**
   * Serve IoT Core's MQTT over WebSocket at `/mqtt`: the presigned URL is verified with the service
   * `iotdevicegateway`, its X-Amz-Security-Token read from the query but not signed, as IoT Core
   * requires; a refusal is IoT's 403. An accepted client gets CONNACK for its MQTT CONNECT.
   * @default false
   */
  iotMqtt?: boolean;
}

/** The `cors` option of {@link LocalIamEndpointOptions}. */
export interface CorsOptions {
  /**
   * `'*'` for any origin, or the exact origins allowed (scheme, host and port, as a browser sends
   * `Origin`). A request from another origin gets no CORS headers, so the browser blocks it.
   * @example 'http://127.0.0.1:5173'
   */
  allowOrigin: string | readonly string[];
  /** Send `Access-Control-Allow-Credentials: true`; not allowed with `'*'`. @default false */
  allowCredentials?: boolean;
  /** Methods a preflight allows. @default ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] */
  allowMethods?: readonly string[];
  /**
   * Request headers a preflight allows, besides the ones a SigV4 signer sends (`authorization`,
   * `content-type`, `x-amz-date`, `x-amz-security-token`, `x-amz-content-sha256`,
   * `x-amz-region-set`), which are always allowed.
   * @default []
   */
  allowHeaders?: readonly string[];
  /** Response headers scripts may read, besides `date` and `x-amzn-errortype`. @default [] */
  exposeHeaders?: readonly string[];
  /** `Access-Control-Max-Age` of a preflight, in seconds. @default 300 */
  maxAgeSeconds?: number;
}

/** One request as a {@link RecordingServer} received it. */
export interface RecordedRequest {
  /** The HTTP method as received. */
  method: string;
  /** The request target as received (`req.url`): path and query, nothing decoded. */
  url: string;
  /** Flat `[name, value, ...]` in received order, names as sent. */
  rawHeaders: string[];
  /** Lower-cased names; repeated fields joined with `, `. */
  headers: Record<string, string>;
  /** Every body byte received. */
  body: Uint8Array;
}

/** A running recording server. */
export interface RecordingServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  /** The port it listens on (the one the system chose when `port` was 0). */
  port: number;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>;
}

/** Options of {@link startRecordingServer}. */
export interface RecordingServerOptions {
  /** Port to listen on; 0 lets the system choose a free one. @default 0 */
  port?: number;
}
