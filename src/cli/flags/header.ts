import { UsageError } from './usageError';

/** An HTTP field name (RFC 9110 token). */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Reads one `-H 'Name: value'` as curl writes it: the name before the first colon, the value
 * after it with surrounding blanks removed.
 * @throws {@link UsageError} naming `-H` when there is no colon or the name is not a valid one
 * @internal
 */
export function parseHeader(text: string): [name: string, value: string] {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  if (!FIELD_NAME.test(name)) {
    throw new UsageError(
      `-H '${text}': expected 'Name: value', e.g. -H 'content-type: application/json'`,
    );
  }
  return [name, text.slice(colon + 1).trim()];
}
