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
   * Static credentials or a provider.
   * @default the AWS SDK's Node provider chain: environment variables first (in Lambda, the
   * execution role's keys, with no network call), then profiles, SSO, web identity, container
   * and instance metadata
   */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialProvider;
  /**
   * Only requests to these hosts are signed; all others pass through untouched, so a shared axios
   * instance never sends a signature or session token to a third party.
   * @default when both `region` and `service` are given, every host; otherwise the AWS hosts
   * that region and service are inferred from
   */
  readonly hosts?: readonly HostMatcher[];
  /**
   * How long before their `expiration` cached credentials are refreshed, in milliseconds.
   * @default 300000 (5 minutes, as the AWS SDK)
   */
  readonly refreshMarginMs?: number;
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

/** The headers a signature adds to a request. */
export interface SigningHeaders {
  /** `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...` */
  readonly authorization: string;
  /** The signing time, `yyyymmddThhmmssZ`. */
  readonly 'x-amz-date': string;
  /** The session token, present for temporary credentials. */
  readonly 'x-amz-security-token'?: string;
  /** The payload hash, present only for services that require the header (S3, OpenSearch Serverless, VPC Lattice). */
  readonly 'x-amz-content-sha256'?: string;
}

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
