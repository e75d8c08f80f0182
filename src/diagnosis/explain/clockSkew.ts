/**
 * Explains "Signature expired: X is now earlier than Y (Z - 5 min.)" and "Signature not yet
 * current: X is still later than Y (Z + 5 min.)": X is the request's X-Amz-Date, Z the server's
 * clock. DOMAIN.md §3 and §8.
 */
import type { Explanation } from '../types';

const AMZ_DATE = String.raw`(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z`;
const SKEW_MESSAGE = new RegExp(
  String.raw`^Signature (?:expired|not yet current): (${AMZ_DATE}) is (?:now earlier|still later) than \S+ \((${AMZ_DATE}) [-+]`,
);

const FIX =
  "Sync this machine's clock (NTP). The library corrects its clock from the response's Date header and retries once by itself, so a persisting error means the Date header does not reach it (a proxy strips it) or the request was replayed with an old signature.";

/** Milliseconds since the epoch of the six captured fields of a `yyyymmddThhmmssZ` date. */
function epochOf(fields: readonly string[]): number {
  const [year, month, day, hour, minute, second] = fields.map(Number);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const minutes = (count: number) => `${count} minute${count === 1 ? '' : 's'}`;

/** The cause (with the skew in minutes) and the fix of a clock-skew refusal. @internal */
export function explainClockSkew(message: string): Explanation {
  const match = SKEW_MESSAGE.exec(message.trim());
  if (!match) {
    return {
      cause:
        "The request's X-Amz-Date is more than 5 minutes away from the server's clock (a skewed clock or a replayed request).",
      fix: FIX,
    };
  }
  const [, requestDate, ...rest] = match;
  const requestTime = epochOf(rest.slice(0, 6));
  const serverDate = rest[6];
  const skewMinutes = Math.round((requestTime - epochOf(rest.slice(7, 13))) / 60_000);
  const direction = skewMinutes < 0 ? 'behind' : 'ahead of';
  return {
    cause: `The request was signed at ${requestDate}, ${minutes(Math.abs(skewMinutes))} ${direction} the server's clock (${serverDate}); API Gateway accepts 5 minutes.`,
    fix: FIX,
    skewMinutes,
  };
}
