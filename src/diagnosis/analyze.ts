/**
 * `diagnose`'s analysis: from an AWS answer (and what we signed, when known) to a diagnosis with
 * the likely cause and the fix. Pure: no I/O, nothing secret in the result.
 */
import { explainAccessDenied } from './explain/accessDenied';
import { classifyFailure, type FailureKind } from './classify';
import { cleanMessage } from './cleanMessage';
import { explainClockSkew } from './explain/clockSkew';
import { explainIntegrationError } from './explain/integrationError';
import { explainSignatureMismatch } from './explain/signatureMismatch';
import { explainExpiredToken, explainInvalidToken } from './explain/tokenRefusals';
import type { Diagnosis, Explanation, FailedAnswer, SigningRecord } from './types';
import { explainUnsignedOrNoRoute } from './explain/unsignedOrNoRoute';
import { explainWrongScope } from './explain/wrongScope';

type Explainer = (
  message: string,
  record: SigningRecord | undefined,
  unsignedBecause: string | undefined,
) => Explanation;

const EXPLAINERS: Readonly<Record<FailureKind, Explainer>> = {
  'unsigned-or-no-route': (_, record, unsignedBecause) =>
    explainUnsignedOrNoRoute(record, unsignedBecause),
  'signature-mismatch': explainSignatureMismatch,
  'clock-skew': (message) => explainClockSkew(message),
  'invalid-token': (_, record) => explainInvalidToken(record),
  'expired-token': () => explainExpiredToken(),
  'wrong-scope': explainWrongScope,
  'access-denied': (message) => explainAccessDenied(message),
  'integration-error': () => explainIntegrationError(),
};

/**
 * Explains a failed answer: its kind, AWS's message (without the canonical blocks), the likely
 * cause, the fix, and per kind the details to act on (the differences between the canonical
 * request signed and the server's, the skew, the expected scope, a policy statement to add).
 * Returns undefined for a success or a failure that is not about signing.
 * @param answer - the status, `x-amzn-ErrorType` header and body message of the response
 * @param record - what the signer signed for this request, to diff with the server's computation
 * @param unsignedBecause - why the package sent this request unsigned, when it did
 * @example
 * const diagnosis = analyzeFailure({ status: 403, message: body.message }, record);
 * if (diagnosis) console.error(formatDiagnosis(diagnosis));
 */
export function analyzeFailure(
  answer: FailedAnswer,
  record?: SigningRecord,
  unsignedBecause?: string,
): Diagnosis | undefined {
  const kind = classifyFailure(answer);
  if (kind === undefined) return undefined;
  const rawMessage = answer.message ?? '';
  return {
    kind,
    status: answer.status,
    message: cleanMessage(rawMessage),
    ...EXPLAINERS[kind](rawMessage, record, unsignedBecause),
  };
}
