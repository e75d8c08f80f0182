/**
 * Every wire name and default, written once. Lower-case header names are what the signer and the
 * adapters compare against; HTTP header names are case-insensitive, so only this form is kept.
 * @internal
 */

export const AUTHORIZATION_HEADER = 'authorization';
export const AMZ_DATE_HEADER = 'x-amz-date';
export const SECURITY_TOKEN_HEADER = 'x-amz-security-token';
export const CONTENT_SHA256_HEADER = 'x-amz-content-sha256';
export const HOST_HEADER = 'host';
/** SigV4A's list of regions a signature is valid in. */
export const REGION_SET_HEADER = 'x-amz-region-set';
export const CONTENT_TYPE_HEADER = 'content-type';

/** Headers the signer produces. Stale copies (a retry, a reused config) are removed before signing. */
export const SIGNING_HEADERS = [
  AUTHORIZATION_HEADER,
  AMZ_DATE_HEADER,
  SECURITY_TOKEN_HEADER,
  CONTENT_SHA256_HEADER,
  REGION_SET_HEADER,
] as const;

/**
 * Headers left out of the signature on top of @smithy/signature-v4's own list (user-agent,
 * connection, expect, ...): the HTTP clients compute or rewrite these after signing, so signing
 * them would only make valid requests fail.
 */
export const CLIENT_MANAGED_HEADERS = ['content-length', 'accept-encoding'] as const;

/** The marker for a body whose hash is not signed (S3, VPC Lattice). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** Credentials are refreshed this long before they expire, as the AWS SDK does. */
export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * How long one request waits for credentials before it fails: the SDK's own sources time out
 * sooner (the container endpoint after 1 s a try), so this bounds a user's function or a hung
 * network call, not a slow but working source.
 */
export const DEFAULT_CREDENTIALS_TIMEOUT_MS = 10_000;

/**
 * A region as AWS names them: us-east-1, us-gov-west-1, cn-north-1, us-isob-east-1,
 * eu-isoe-west-1, eusc-de-east-1 (European Sovereign Cloud). Covers every partition's regions in
 * botocore's endpoints.json (test/scope/regionPattern.test.ts checks them against botocore).
 */
export const REGION_PATTERN = /^([a-z]{2}|eusc-[a-z]{2})(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

export const FORM_URLENCODED_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';
