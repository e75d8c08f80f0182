import { headerValue } from '../headerValue';
import { analyzeFailure } from './analyze';
import { messageOf } from './classify';
import { diagnoseRealtimeRefusal, isRealtimeRefusal } from './realtimeRefusal';
import { signingRecordOf, unsignedReasonOf } from './signingRecords';
import type { Diagnosis } from './types';

/** An axios response, or the error axios rejects with (it carries the response). @internal */
export interface AxiosAnswerLike {
  readonly status?: number;
  readonly data?: unknown;
  readonly headers?: unknown;
  readonly response?: AxiosAnswerLike;
}

/**
 * `diagnose` for an answer whose body is already read (an axios response, or
 * `{ status, headers, data }`), at once: with what was signed for it, or why it was not.
 * @internal
 */
export function diagnoseReadAnswer(response: AxiosAnswerLike): Diagnosis | undefined {
  if (typeof response.status !== 'number') return undefined;
  return analyzeFailure(
    {
      status: response.status,
      errorType: headerValue(response.headers, 'x-amzn-errortype'),
      message: messageOf(response.data),
    },
    signingRecordOf(response),
    unsignedReasonOf(response),
  );
}

const isFetchResponse = (value: unknown): value is Response =>
  typeof Response !== 'undefined' && value instanceof Response;

/**
 * Explains why AWS refused a request: what kind of failure it is, its likely cause and the fix;
 * for a signature mismatch, how the canonical request the server computed differs from the one
 * signed here, line by line. Takes a fetch `Response`, an axios response, or the error axios
 * rejected with (axios errors of signed requests also carry it as `error.diagnosis`), or an
 * AppSync real-time refusal (`connection_error`, `error`, `subscribe_error`, `publish_error`:
 * the message as received, text or parsed). Reads a fetch body through a clone: the response
 * stays readable. For IoT Core's 403 on a WebSocket upgrade, pass `{ status, headers, data }`.
 * @returns undefined for a success, a failure that is not about signing or authorization, or
 * anything that is no response (`null`, a TypeError thrown before any answer)
 * @example
 * const response = await signedFetch(url);
 * if (!response.ok) console.error(formatDiagnosis((await diagnose(response))!));
 * @example
 * socket.onmessage = async ({ data }) => {
 *   const diagnosis = await diagnose(data); // undefined unless AppSync refused something
 *   if (diagnosis) console.error(formatDiagnosis(diagnosis));
 * };
 */
export async function diagnose(answer: Response | object | string): Promise<Diagnosis | undefined> {
  if (typeof answer === 'string' || isRealtimeRefusal(answer)) {
    return diagnoseRealtimeRefusal(answer);
  }
  // Called from catch blocks with whatever was thrown: not a response, nothing to explain.
  if (typeof answer !== 'object' || answer === null) return undefined;
  if (isFetchResponse(answer)) {
    return analyzeFailure(
      {
        status: answer.status,
        errorType: answer.headers.get('x-amzn-errortype'),
        message: messageOf(await answer.clone().text()),
      },
      signingRecordOf(answer),
      unsignedReasonOf(answer),
    );
  }
  const candidate = answer as AxiosAnswerLike;
  return diagnoseReadAnswer(candidate.response ?? candidate);
}
