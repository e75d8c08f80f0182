import { ALGORITHM, ERROR_TYPES, INVOKE_ACTION, SCOPE_TERMINATOR } from '../constants';
import type { VerifyFailure } from '../types';

/**
 * The catalogue of API Gateway's IAM 403s, with its own wording (trailing spaces included) so that
 * code matching on messages behaves here as in AWS. Where API Gateway echoes the whole
 * Authorization header back, these messages leave it out: it can carry a signature or a bearer
 * token, and nothing secret goes into a message here. No message ever holds a secret key.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/signature-v4-troubleshooting.html
 */

function forbidden(errorType: string, message: string): VerifyFailure {
  return { ok: false, status: 403, errorType, message };
}

/** No Authorization header (API Gateway says the same for an unknown route). @internal */
export function missingAuthenticationToken(): VerifyFailure {
  return forbidden(ERROR_TYPES.missingToken, 'Missing Authentication Token');
}

/** A part of the Authorization header without `=`, e.g. a space after `Credential=`. @internal */
export function missingEqualSign(part: string): VerifyFailure {
  const message = `'${part}' not a valid key=value pair (missing equal-sign) in Authorization header.`;
  return forbidden(ERROR_TYPES.incomplete, message);
}

/** Required Authorization parameters (and the date header) that are absent, in AWS's order. @internal */
export function incompleteSignature(missingParams: string[], missingDate: boolean): VerifyFailure {
  const sentences = missingParams.map(
    (param) => `Authorization header requires '${param}' parameter.`,
  );
  if (missingDate) {
    sentences.push(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  return forbidden(ERROR_TYPES.incomplete, sentences.join(' '));
}

/** An algorithm other than AWS4-HMAC-SHA256 (S3's wording; API Gateway's is not documented). @internal */
export function unsupportedAlgorithm(): VerifyFailure {
  const message = `The authorization mechanism you have provided is not supported. Please use ${ALGORITHM}.`;
  return forbidden(ERROR_TYPES.incomplete, message);
}

/** A Credential that is not `keyid/date/region/service/aws4_request`. @internal */
export function malformedCredential(credential: string): VerifyFailure {
  const message = `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`;
  return forbidden(ERROR_TYPES.incomplete, message);
}

/** The scope's last element is not `aws4_request`. @internal */
export function invalidTerminator(terminator: string): VerifyFailure {
  const message = `Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not '${terminator}'. `;
  return forbidden(ERROR_TYPES.invalidSignature, message);
}

/** The scope names another region than the API's. @internal */
export function invalidRegion(region: string): VerifyFailure {
  const message = `Credential should be scoped to a valid region, not '${region}'. `;
  return forbidden(ERROR_TYPES.invalidSignature, message);
}

/** The scope names another service; the message names the expected one. @internal */
export function invalidService(expected: string): VerifyFailure {
  const message = `Credential should be scoped to correct service: '${expected}'. `;
  return forbidden(ERROR_TYPES.invalidSignature, message);
}

/** The request date is not `yyyymmddThhmmssZ`. @internal */
export function malformedDate(value: string): VerifyFailure {
  const message = `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`;
  return forbidden(ERROR_TYPES.invalidSignature, message);
}

/** The scope's date is not the day of the request date. @internal */
export function scopeDateMismatch(scopeDate: string, amzDate: string): VerifyFailure {
  const message = `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`;
  return forbidden(ERROR_TYPES.invalidSignature, message);
}

/** The request date is older than the allowed skew. Dates are `yyyymmddThhmmssZ`. @internal */
export function signatureExpired(
  amzDate: string,
  limit: string,
  now: string,
  skew: string,
): VerifyFailure {
  const message = `Signature expired: ${amzDate} is now earlier than ${limit} (${now} - ${skew}.)`;
  return forbidden(ERROR_TYPES.invalidSignature, message);
}

/** The request date is further in the future than the allowed skew. @internal */
export function signatureNotYetCurrent(
  amzDate: string,
  limit: string,
  now: string,
  skew: string,
): VerifyFailure {
  const message = `Signature not yet current: ${amzDate} is still later than ${limit} (${now} + ${skew}.)`;
  return forbidden(ERROR_TYPES.invalidSignature, message);
}

/** `host` is not a signed header: the signature could be replayed against another host. @internal */
export function hostNotSigned(): VerifyFailure {
  const message = "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";
  return forbidden(ERROR_TYPES.invalidSignature, message);
}

/** Unknown access key id, or a session token missing, extra or different. @internal */
export function unrecognizedClient(): VerifyFailure {
  return forbidden(
    ERROR_TYPES.unrecognizedClient,
    'The security token included in the request is invalid.',
  );
}

/**
 * Temporary credentials past their expiration. STS's wording, as JSON-protocol services (API
 * Gateway's IAM front end among them) send it: no final period, unlike the "invalid" message.
 * @internal
 */
export function expiredToken(): VerifyFailure {
  return forbidden(
    ERROR_TYPES.expiredToken,
    'The security token included in the request is expired',
  );
}

/**
 * Signature valid, but no policy allows `execute-api:Invoke` on the resource (or one denies it).
 * https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden
 * @internal
 */
export function accessDenied(
  principalArn: string,
  resourceArn: string,
  explicit: boolean,
): VerifyFailure {
  const suffix = explicit ? ' with an explicit deny' : '';
  const message = `User: ${principalArn} is not authorized to perform: ${INVOKE_ACTION} on resource: ${resourceArn}${suffix}`;
  return forbidden(ERROR_TYPES.accessDenied, message);
}

/** The signature differs: the message carries the server's canonical request and string to sign. @internal */
export function signatureMismatch(canonicalRequest: string, stringToSign: string): VerifyFailure {
  const message =
    'The request signature we calculated does not match the signature you provided. ' +
    'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.' +
    `\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'` +
    `\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`;
  return { ...forbidden(ERROR_TYPES.invalidSignature, message), canonicalRequest, stringToSign };
}
