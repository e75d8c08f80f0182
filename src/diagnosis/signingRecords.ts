import { processState } from '../processState';
import type { SigningRecord } from './types';

/**
 * What was signed for each answer a signed request received (a fetch Response, an axios
 * response), so that `diagnose` can compare it with what the server computed. Weak: the record
 * goes away with the answer. Kept as a function: it is only built when asked for.
 */
const records = () => processState().signingRecords;

/** What is remembered of one answer: a record to build on demand, or why it went unsigned. @internal */
export type SigningMemo = (() => SigningRecord) | { readonly unsignedBecause: string };

/** Remembers what was signed for the request that got `answer`. @internal */
export function rememberSigning(answer: object, record: () => SigningRecord): void {
  records().set(answer, record);
}

/** Remembers that the request that got `answer` was passed through unsigned, and why. @internal */
export function rememberUnsigned(answer: object, unsignedBecause: string): void {
  records().set(answer, { unsignedBecause });
}

/** What was signed for the request that got `answer`, if it was signed here. @internal */
export function signingRecordOf(answer: object): SigningRecord | undefined {
  const memo = records().get(answer);
  return typeof memo === 'function' ? memo() : undefined;
}

/** Why the request that got `answer` was sent unsigned, if this package passed it through. @internal */
export function unsignedReasonOf(answer: object): string | undefined {
  const memo = records().get(answer);
  return typeof memo === 'object' ? memo.unsignedBecause : undefined;
}
