import type { SigningRecord } from './types';

/**
 * What was signed for each answer a signed request received (a fetch Response, an axios
 * response), so that `diagnose` can compare it with what the server computed. Weak: the record
 * goes away with the answer. Kept as a function: it is only built when asked for.
 */
const records = new WeakMap<object, () => SigningRecord>();

/** Remembers what was signed for the request that got `answer`. @internal */
export function rememberSigning(answer: object, record: () => SigningRecord): void {
  records.set(answer, record);
}

/** What was signed for the request that got `answer`, if it was signed here. @internal */
export function signingRecordOf(answer: object): SigningRecord | undefined {
  return records.get(answer)?.();
}
