/**
 * The `yyyymmddThhmmssZ` timestamps of SigV4 (ISO 8601 basic format, UTC, no milliseconds).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/signing-elements.html#date
 */

const BASIC_FORMAT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** The instant an `x-amz-date` value names, or `undefined` when it is not a real date. @internal */
export function parseAmzDate(value: string): Date | undefined {
  const match = BASIC_FORMAT.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 20150231 over to March 3rd; a real date formats back to the same text.
  return formatAmzDate(date) === value ? date : undefined;
}

/** `date` as `yyyymmddThhmmssZ`. @internal */
export function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d{3}/g, '');
}
