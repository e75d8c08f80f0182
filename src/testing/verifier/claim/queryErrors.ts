import {
  ALGORITHM,
  ALGORITHM_V4A,
  ERROR_TYPES,
  MAX_PRESIGNED_EXPIRES_SECONDS,
  QUERY_AUTH_PARAMS,
} from '../../constants';
import type { VerifyFailure } from '../../types';

/**
 * The 403s of query-string auth (presigned URLs) and of SigV4A. API Gateway does not document its
 * wording for these; where S3 has a known message (the X-Amz-Expires and missing-parameter
 * sentences, also kept by S3-compatible servers) it is used word for word, and the rest follows
 * the shape of API Gateway's header-auth messages. Every answer is a 403 with an API Gateway
 * error type, like the rest of the endpoint. No message holds a secret, a token or a signature.
 */

function forbidden(errorType: string, message: string): VerifyFailure {
  return { ok: false, status: 403, errorType, message };
}

const { algorithm, credential, signature, date, signedHeaders, expires, regionSet } =
  QUERY_AUTH_PARAMS;

/** Both an Authorization header and X-Amz-* auth parameters in the query (S3's wording). @internal */
export function onlyOneAuthMechanism(): VerifyFailure {
  const message = `Only one auth mechanism allowed; only the ${algorithm} query parameter, Signature query string parameter or the Authorization header should be specified`;
  return forbidden(ERROR_TYPES.incomplete, message);
}

/**
 * A presigned URL without one of the required parameters (S3's sentence; X-Amz-Expires is only
 * listed, and only required, where the service requires it).
 * @internal
 */
export function missingQueryParams(expiresRequired: boolean): VerifyFailure {
  const names: string[] = [algorithm, credential, signature, date, signedHeaders];
  if (expiresRequired) names.push(expires);
  const list = `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
  const message = `Query-string authentication version 4 requires the ${list} parameters.`;
  return forbidden(ERROR_TYPES.incomplete, message);
}

/** An X-Amz-Algorithm the endpoint does not know. @internal */
export function unsupportedQueryAlgorithm(): VerifyFailure {
  const message = `${algorithm} only supports "${ALGORITHM}" and "${ALGORITHM_V4A}"`;
  return forbidden(ERROR_TYPES.incomplete, message);
}

/** X-Amz-Expires that is not a whole number (S3's wording). @internal */
export function expiresNotANumber(): VerifyFailure {
  return forbidden(ERROR_TYPES.incomplete, `${expires} should be a number`);
}

/** A negative X-Amz-Expires (S3's wording). @internal */
export function expiresNegative(): VerifyFailure {
  return forbidden(ERROR_TYPES.incomplete, `${expires} must be non-negative`);
}

/** X-Amz-Expires over 7 days (S3's wording). @internal */
export function expiresTooLong(): VerifyFailure {
  const max = MAX_PRESIGNED_EXPIRES_SECONDS;
  const message = `${expires} must be less than a week (in seconds); that is, the given ${expires} must be less than ${max} seconds`;
  return forbidden(ERROR_TYPES.incomplete, message);
}

/**
 * A presigned URL used after X-Amz-Date + X-Amz-Expires, in the shape of AWS's "Signature
 * expired" message: `limit` is now minus the validity, `validity` e.g. `15 min` or `90 sec`.
 * @internal
 */
export function presignedExpired(
  amzDate: string,
  limit: string,
  now: string,
  validity: string,
): VerifyFailure {
  const message = `Signature expired: ${amzDate} is now earlier than ${limit} (${now} - ${validity}.)`;
  return forbidden(ERROR_TYPES.invalidSignature, message);
}

/** A SigV4A request without its region set. @internal */
export function missingRegionSet(inQuery: boolean): VerifyFailure {
  const message = inQuery
    ? `Query-string authentication version 4A requires the ${regionSet} parameter.`
    : `Authorization header requires existence of the '${regionSet}' header.`;
  return forbidden(ERROR_TYPES.incomplete, message);
}

/** A header-signed SigV4A request whose region set is not signed, so anyone could change it. @internal */
export function regionSetNotSigned(): VerifyFailure {
  const message = `'${regionSet}' must be a 'SignedHeader' in the AWS Authorization.`;
  return forbidden(ERROR_TYPES.invalidSignature, message);
}

/** A region set that does not cover the endpoint's region (AWS's region message, set in place of region). @internal */
export function regionNotInSet(set: string): VerifyFailure {
  const message = `Credential should be scoped to a valid region, not '${set}'. `;
  return forbidden(ERROR_TYPES.invalidSignature, message);
}

/** A SigV4A Credential that is not `keyid/date/service/aws4_request`. @internal */
export function malformedV4aCredential(value: string): VerifyFailure {
  const message = `Credential must have exactly 4 slash-delimited elements, e.g. keyid/date/service/term, got '${value}'`;
  return forbidden(ERROR_TYPES.incomplete, message);
}
