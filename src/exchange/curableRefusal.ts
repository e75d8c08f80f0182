/**
 * Whether a refusal is AWS's and one that a new signature cures. Only AWS's own error shape
 * counts: an `x-amzn-ErrorType` header (API Gateway, Lambda, AppSync, OpenSearch), or S3's XML
 * `<Error><Code>` with its `x-amz-request-id`. A backend's own 403 whose body merely reads like a
 * token refusal is the backend's answer: sending it again could execute a POST twice.
 */
import { bareErrorType, CLOCK_SKEW_MESSAGE } from '../diagnosis/classify';
import type { Reply } from './transport';

/** What a curable refusal asks for: a corrected clock, or credentials resolved afresh. @internal */
export type Cure = 'clock' | 'credentials';

/** `x-amzn-ErrorType` values that say the session token or access key was refused. */
const TOKEN_ERROR_TYPES = new Set([
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'ExpiredToken',
]);
const SIGNATURE_ERROR_TYPE = 'InvalidSignatureException';

/** S3's error codes, sent with no `x-amzn-ErrorType`. */
const S3_CURES: Readonly<Record<string, Cure>> = {
  RequestTimeTooSkewed: 'clock',
  ExpiredToken: 'credentials',
  InvalidToken: 'credentials',
  TokenRefreshRequired: 'credentials',
};
const S3_ERROR_CODE = /<Error>[\s\S]*?<Code>([^<]+)<\/Code>/;

/** API Gateway and Lambda refuse with 403, S3 and the JSON APIs (DynamoDB, ...) with 400. */
const REFUSAL_STATUSES = new Set([400, 401, 403]);

async function byErrorType(reply: Reply<unknown>, errorType: string): Promise<Cure | undefined> {
  const type = bareErrorType(errorType) ?? '';
  if (TOKEN_ERROR_TYPES.has(type)) return 'credentials';
  if (type !== SIGNATURE_ERROR_TYPE) return undefined;
  return CLOCK_SKEW_MESSAGE.test((await reply.message())?.trim() ?? '') ? 'clock' : undefined;
}

async function byS3Code(reply: Reply<unknown>): Promise<Cure | undefined> {
  const code = S3_ERROR_CODE.exec((await reply.message()) ?? '')?.[1];
  return code !== undefined && Object.hasOwn(S3_CURES, code) ? S3_CURES[code] : undefined;
}

/** Whether the status is one a curable refusal comes with: anything else needs no look. @internal */
export const mayBeCurable = (reply: Reply<unknown>): boolean => REFUSAL_STATUSES.has(reply.status);

/** The cure AWS's refusal asks for, or undefined when it is not one (or not AWS's). @internal */
export function curableRefusal(reply: Reply<unknown>): Promise<Cure | undefined> {
  if (!mayBeCurable(reply)) return Promise.resolve(undefined);
  const errorType = reply.header('x-amzn-errortype');
  if (errorType) return byErrorType(reply, errorType);
  if (reply.header('x-amz-request-id')) return byS3Code(reply);
  return Promise.resolve(undefined);
}
