import { processState } from '../processState';

/**
 * The process-wide clock correction, as the AWS SDK keeps it (DOMAIN.md §8): a host whose clock
 * drifted (a long-frozen SnapStart snapshot, a VM without NTP) signs at `now + offset`, where the
 * offset is learned from the `Date` header of AWS's skew refusals only (src/exchange/recovery.ts): any
 * other response's `Date` may be wrong or hostile, and the offset serves every request.
 */

/** AWS rejects signatures more than 5 minutes away from its own clock. */
const CLOCK_SKEW_TOLERANCE_MS = 5 * 60 * 1000;

/** The time to sign at: the local clock corrected by the learned offset. @internal */
export function correctedNow(): Date {
  return new Date(Date.now() + processState().clockOffsetMs);
}

/** The current correction in milliseconds (server time minus local time). @internal */
export function clockOffsetMs(): number {
  return processState().clockOffsetMs;
}

/**
 * Learns from a response's `Date` header: when the corrected clock is 5 minutes or more away from
 * the server's, the offset is reset to the difference. Smaller drifts are left alone, as the SDK
 * does, because `Date` has one-second resolution and AWS accepts them anyway.
 * @returns whether the offset changed (a skew 403 is then worth one retry)
 * @internal
 */
export function learnServerTime(dateHeader: string | null | undefined): boolean {
  if (!dateHeader) return false;
  const serverTime = Date.parse(dateHeader);
  if (Number.isNaN(serverTime)) return false;
  if (Math.abs(serverTime - correctedNow().getTime()) < CLOCK_SKEW_TOLERANCE_MS) return false;
  processState().clockOffsetMs = serverTime - Date.now();
  return true;
}

/** Forgets the learned offset (tests; after a snapshot restore the clock is trusted afresh). @internal */
export function resetClockOffset(): void {
  processState().clockOffsetMs = 0;
}
