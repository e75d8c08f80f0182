/** AWS credentials as the SDK's providers return them. */
export interface AwsCredentialIdentity {
  /** The access key id; not a secret, it appears in the `Credential=` part of the signature. */
  readonly accessKeyId: string;
  /** The secret access key. Never logged, never put into an error. */
  readonly secretAccessKey: string;
  /** The session token of temporary credentials (the Lambda execution role always has one). */
  readonly sessionToken?: string;
  /** When temporary credentials lapse; they are refreshed before this moment. */
  readonly expiration?: Date;
}

/**
 * Anything that resolves credentials: a provider from `@aws-sdk/credential-providers`
 * (`fromTemporaryCredentials`, `fromCognitoIdentityPool`, `fromIni`, ...) or your own function.
 */
export type AwsCredentialProvider = () => Promise<AwsCredentialIdentity>;

/**
 * Selects the hosts whose requests are signed: an exact host name (`api.example.com`, or
 * `host:port`), a pattern tested against the host name, or a predicate.
 */
export type HostMatcher = string | RegExp | ((hostname: string) => boolean);

/** Anything with a `debug(message, details)` method: console, pino, winston, Powertools Logger. */
export interface SigV4Logger {
  /** Logs one event: a message prefixed `aws-sigv4-interceptor: `, and details, secrets masked. */
  debug(message: string, details?: Readonly<Record<string, unknown>>): void;
}

/** The `assumeRole` option: what STS AssumeRole is called with. */
export interface AssumeRoleOptions {
  /** The ARN of the role to assume, e.g. `arn:aws:iam::210987654321:role/OrdersApiCaller`. */
  readonly roleArn: string;
  /**
   * The role session name, shown in CloudTrail and in the assumed-role ARN.
   * @default `aws-sdk-js-<timestamp>` (the SDK's default)
   */
  readonly sessionName?: string;
  /** The external ID the role's trust policy requires, if any. */
  readonly externalId?: string;
  /**
   * How long the role's credentials last, in seconds (900 to 43200, within the role's maximum).
   * @default 3600
   */
  readonly durationSeconds?: number;
  /**
   * The STS region.
   * @default the SDK's resolution: `AWS_REGION` (always set in Lambda), the profile, else us-east-1
   */
  readonly region?: string;
  /** An STS endpoint URL: a VPC endpoint, or a local server in tests. @default the region's STS */
  readonly endpoint?: string;
}

/** Options shared by {@link createSigner}, the axios interceptor and the signed fetch. */
export interface SigV4Options {
  /**
   * The signing region, e.g. `eu-west-1`.
   * @default inferred from the host (`abc.execute-api.eu-west-1.amazonaws.com` gives `eu-west-1`)
   */
  readonly region?: string;
  /**
   * The signing service name, e.g. `execute-api`, `lambda`, `appsync`, `es`, `aoss`, `s3`.
   * @default inferred from the host
   */
  readonly service?: string;
  /**
   * Sign with SigV4A (`AWS4-ECDSA-P256-SHA256`) for this set of regions: `['*']` for any, or a
   * list. Needed for S3 Multi-Region Access Points (chosen automatically for their hosts, with
   * `['*']`). Requires the optional peer dependency `@smithy/signature-v4a`.
   * @default SigV4 for one region
   */
  readonly regionSet?: readonly string[];
  /**
   * The URL prefix the origin sees, when a proxy in front of it (CloudFront, an API proxy)
   * rewrites Host and maybe adds an origin path: scheme, host and origin path, e.g.
   * `https://abc123.execute-api.eu-west-1.amazonaws.com/prod`. The request's path and query
   * are appended to it for signing; the request itself still goes where it was sent. Region and
   * service are inferred from this origin.
   * @default the request's own URL
   */
  readonly signingOrigin?: string;
  /**
   * Static credentials or a provider.
   * @default the AWS SDK's Node provider chain: environment variables first (in Lambda, the
   * execution role's keys, with no network call), then profiles, SSO, web identity, container
   * and instance metadata
   */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialProvider;
  /**
   * Assume this IAM role with STS before signing, typically to call another account's API. The
   * base credentials are `credentials` when given, else the default chain (in Lambda, the
   * execution role, which needs `sts:AssumeRole` on the role). The role's credentials are cached
   * and refreshed like any others.
   * @example { roleArn: 'arn:aws:iam::210987654321:role/OrdersApiCaller', externalId: 'orders' }
   */
  readonly assumeRole?: AssumeRoleOptions;
  /**
   * Only requests to these hosts are signed; all others pass through untouched, so a shared axios
   * instance never sends a signature or session token to a third party.
   * @default when both `region` and `service` (or a `signingOrigin`) are given, every host;
   * otherwise the AWS hosts that region and service are inferred from
   */
  readonly hosts?: readonly HostMatcher[];
  /**
   * Logs, per request, what was signed (canonical request, string to sign, signed headers), each
   * retry and redirect, and the diagnosis of a refusal. Secrets are masked before anything is
   * logged: no secret key, session token or signature ever reaches the logger.
   * `true` writes to `console.debug`.
   * @default false
   */
  readonly debug?: boolean | SigV4Logger;
  /**
   * How long before their `expiration` cached credentials are refreshed, in milliseconds.
   * @default 300000 (5 minutes, as the AWS SDK)
   */
  readonly refreshMarginMs?: number;
  /**
   * How long a request waits for credentials, in milliseconds, before it fails with a
   * {@link SigV4CredentialsError} (`CREDENTIALS_TIMEOUT`) naming the source: a credential source
   * that never answers cannot hang a call. The resolution itself goes on and serves later calls.
   * @default 10000
   */
  readonly credentialsTimeoutMs?: number;
}

/** A request as the signer sees it: what will be sent, in one plain shape for every client. */
export interface SignableRequest {
  /** The HTTP method, any case. */
  readonly method: string;
  /** The absolute URL that will be sent. */
  readonly url: string | URL;
  /** Headers that will be sent; names in any case. Stale signing headers are ignored. */
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The exact body bytes (a string is sent as UTF-8). */
  readonly body?: string | Uint8Array | ArrayBuffer;
}

/**
 * The headers a signature adds to a request. A plain object type (not an interface), so that it
 * is assignable where a `Record<string, string>` is expected: fetch's `HeadersInit`,
 * `new Headers(...)`, axios `headers`.
 */
export type SigningHeaders = {
  /** `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...` */
  readonly authorization: string;
  /** The signing time, `yyyymmddThhmmssZ`. */
  readonly 'x-amz-date': string;
  /** The session token, present for temporary credentials. */
  readonly 'x-amz-security-token'?: string;
  /** The payload hash, present only for services that require the header (S3, OpenSearch Serverless, VPC Lattice). */
  readonly 'x-amz-content-sha256'?: string;
  /** SigV4A only: the regions the signature is valid in (`*`, or a comma-separated list). */
  readonly 'x-amz-region-set'?: string;
};

/** The one signer shared by the axios interceptor and the signed fetch. */
export interface Signer {
  /**
   * Signs a request and resolves to the headers to add to it.
   * @throws {@link SigV4RequestError} for an invalid URL or a host whose region/service is unknown
   * @throws {@link SigV4CredentialsError} when no credentials can be resolved
   */
  sign(request: SignableRequest): Promise<SigningHeaders>;
  /** Whether requests to this URL are in the signer's scope (the `hosts` option). */
  appliesTo(url: string | URL): boolean;
}
