/**
 * AppSync's real-time refusals (`connection_error`, `error`, `subscribe_error`, `publish_error`),
 * read into the answer `analyzeFailure` explains. AppSync reports in-band, with an `errorType`
 * and a `message` (SigV4's own for a signature it cannot verify) and, for GraphQL connections, an
 * `errorCode`.
 */
import { analyzeFailure } from './analyze';
import type { Diagnosis, FailedAnswer } from './types';

interface RealtimeError {
  readonly errorType?: unknown;
  readonly message?: unknown;
  readonly errorCode?: unknown;
}

/**
 * The failures AppSync names its own way, by the errorType `classifyFailure` knows them by:
 * UnauthorizedException is AppSync's answer to credentials it does not accept.
 */
const SAME_FAILURE: Readonly<Record<string, string>> = {
  UnauthorizedException: 'UnrecognizedClientException',
};

/** The first error of a real-time message (parsed, or its JSON text), if it is a refusal. */
function firstError(value: unknown): RealtimeError | undefined {
  let message = value;
  if (typeof message === 'string') {
    try {
      message = JSON.parse(message);
    } catch {
      return undefined;
    }
  }
  const { errors, payload } = (message ?? {}) as {
    errors?: unknown;
    payload?: { errors?: unknown };
  };
  const list = Array.isArray(errors) ? errors : payload?.errors;
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  return typeof first === 'object' && first !== null ? (first as RealtimeError) : undefined;
}

/** Whether `value` is an AppSync real-time message carrying errors (or its JSON text). @internal */
export const isRealtimeRefusal = (value: unknown): boolean => firstError(value) !== undefined;

/**
 * Explains an AppSync real-time refusal. The status is the message's `errorCode` (400 for
 * BadRequestException, 401 for UnauthorizedException when absent); the kind is classified as the
 * same failure over HTTP would be, from SigV4's message first.
 * @internal
 */
export function diagnoseRealtimeRefusal(value: unknown): Diagnosis | undefined {
  const error = firstError(value);
  if (!error) return undefined;
  const errorType = typeof error.errorType === 'string' ? error.errorType : '';
  const message = typeof error.message === 'string' ? error.message : undefined;
  const status =
    typeof error.errorCode === 'number' ? error.errorCode : SAME_FAILURE[errorType] ? 401 : 400;
  // Classified as the HTTP refusal it stands for (classifyFailure reads 401/403 only).
  const answer: FailedAnswer = {
    status: 403,
    errorType: SAME_FAILURE[errorType] ?? errorType,
    message,
  };
  const diagnosis = analyzeFailure(answer);
  return diagnosis && { ...diagnosis, status };
}
