/**
 * Every wire name, error type and default of the local IAM endpoint, written once. Kept apart from
 * src/constants.ts on purpose: the endpoint is the client's oracle and shares no code with it.
 * Header names are lower-case: HTTP header names are case-insensitive and node lower-cases nothing
 * in `rawHeaders`, so every lookup lower-cases the received name and compares with these.
 * @internal
 */

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const SCOPE_TERMINATOR = 'aws4_request';
/** Prefix of the secret in the first HMAC of the signing-key chain. */
export const SECRET_KEY_PREFIX = 'AWS4';

export const AUTHORIZATION_HEADER = 'authorization';
export const AMZ_DATE_HEADER = 'x-amz-date';
export const DATE_HEADER = 'date';
export const SECURITY_TOKEN_HEADER = 'x-amz-security-token';
export const CONTENT_SHA256_HEADER = 'x-amz-content-sha256';
export const HOST_HEADER = 'host';
export const CONTENT_TYPE_HEADER = 'content-type';
export const ERROR_TYPE_HEADER = 'x-amzn-ErrorType';
export const JSON_CONTENT_TYPE = 'application/json';

/** Parameter names inside the Authorization header, as AWS spells them in its messages. */
export const CREDENTIAL_PARAM = 'Credential';
export const SIGNED_HEADERS_PARAM = 'SignedHeaders';
export const SIGNATURE_PARAM = 'Signature';

/** Query-string auth (presigned URLs) parameter names, as AWS spells them in its messages. */
export const QUERY_AUTH_PARAMS = {
  algorithm: 'X-Amz-Algorithm',
  credential: 'X-Amz-Credential',
  date: 'X-Amz-Date',
  expires: 'X-Amz-Expires',
  signedHeaders: 'X-Amz-SignedHeaders',
  signature: 'X-Amz-Signature',
  securityToken: 'X-Amz-Security-Token',
  regionSet: 'X-Amz-Region-Set',
  /** S3 presigners hoist the `x-amz-content-sha256` header here (`UNSIGNED-PAYLOAD`). */
  contentSha256: 'X-Amz-Content-Sha256',
} as const;
/** Longest validity of a presigned URL: 7 days, in seconds (the signing key lives 7 days). */
export const MAX_PRESIGNED_EXPIRES_SECONDS = 604800;

/**
 * SigV4A: ECDSA P-256 over SHA-256, a credential scope without region, and the regions the
 * signature is valid for in `x-amz-region-set` (or `X-Amz-Region-Set` in the query).
 */
export const ALGORITHM_V4A = 'AWS4-ECDSA-P256-SHA256';
export const REGION_SET_HEADER = 'x-amz-region-set';

/** S3 signs the path without normalizing or re-encoding it, and may send UNSIGNED-PAYLOAD. */
export const S3_SERVICE = 's3';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** The `x-amzn-ErrorType` values of API Gateway's 403 responses. */
export const ERROR_TYPES = {
  missingToken: 'MissingAuthenticationTokenException',
  incomplete: 'IncompleteSignatureException',
  invalidSignature: 'InvalidSignatureException',
  unrecognizedClient: 'UnrecognizedClientException',
  expiredToken: 'ExpiredTokenException',
  accessDenied: 'AccessDeniedException',
  /** Not a 403: the 5XX API Gateway answers when the integration fails. */
  internalServerError: 'InternalServerErrorException',
} as const;

/** The IAM action API Gateway authorizes, and the ARN defaults of the endpoint. */
export const INVOKE_ACTION = 'execute-api:Invoke';
/** @default '123456789012' (the account AWS documentation uses) */
export const DEFAULT_ACCOUNT_ID = '123456789012';
/** @default 'abcde12345' (10 lower-case letters and digits, like a real API id) */
export const DEFAULT_API_ID = 'abcde12345';
/** Session credentials have an `ASIA` key id; long-term IAM user keys `AKIA`. */
export const SESSION_KEY_PREFIX = 'ASIA';
export const DEFAULT_ROLE_NAME = 'local-test-role';
export const DEFAULT_SESSION_NAME = 'local-test-session';
export const DEFAULT_USER_NAME = 'local-test-user';
/** @default 302 (what a Lambda integration usually answers) */
export const DEFAULT_REDIRECT_STATUS = 302;
export const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];
export const LOCATION_HEADER = 'location';
/** API Gateway's body for a 5XX, with its exact spelling. */
export const INTERNAL_SERVER_ERROR_MESSAGE = 'Internal server error';

/** @default 'us-east-1' */
export const DEFAULT_REGION = 'us-east-1';
/** @default 'execute-api' (REST, HTTP and WebSocket APIs of API Gateway) */
export const DEFAULT_SERVICE = 'execute-api';
/** API Gateway accepts a request signed up to 5 minutes before or after its own clock. */
export const DEFAULT_MAX_SKEW_MS = 5 * 60 * 1000;
/** The loopback address the endpoint binds to: never reachable from another machine. */
export const LOOPBACK_HOST = '127.0.0.1';
