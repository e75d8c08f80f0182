/** How deep a cause chain is copied; deeper links are dropped. */
const MAX_DEPTH = 5;

/** Fields of AWS SDK errors worth keeping: what failed, never the request that failed. */
interface SdkErrorFields {
  code?: unknown;
  Code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
}

/**
 * V8's JSON.parse errors quote the start (or a window) of the text they failed on, e.g.
 * `Unexpected token 'S', "Secret wJa"... is not valid JSON`: from a credential endpoint's body,
 * that is the first characters of a secret. The quote and the token go; the rest stays.
 */
const JSON_INPUT_QUOTE = /(?:\.\.\.)?"(?:[^"\\]|\\.)*"(?:\.\.\.)? is not valid JSON/g;
const JSON_UNEXPECTED_TOKEN = /Unexpected token '.*?', /g;

/** A message (or stack) without the input text a parser quoted. @internal */
const withoutQuotedInput = (text: string): string =>
  text
    .replace(JSON_UNEXPECTED_TOKEN, 'Unexpected token, ')
    .replace(JSON_INPUT_QUOTE, '(input withheld) is not valid JSON');

/**
 * A copy of an error (same class) that keeps its name, message, stack, code and HTTP status, and
 * drops the rest. AWS SDK errors carry `$response` with the outgoing request, whose headers hold
 * the caller's session token: printed with console.log, the original would leak it. A parser's
 * quote of its input is taken out of the message and stack.
 * @internal
 */
export function safeCause(cause: unknown, depth = 0): unknown {
  if (!(cause instanceof Error)) {
    return typeof cause === 'object' && cause !== null ? new Error('(non-Error value)') : cause;
  }
  // Same prototype, so `instanceof` the SDK's error classes still holds; no constructor runs.
  const safe = Object.create(Object.getPrototypeOf(cause) as object) as Error;
  for (const key of ['message', 'name', 'stack'] as const) {
    const value = typeof cause[key] === 'string' ? withoutQuotedInput(cause[key]) : cause[key];
    Object.defineProperty(safe, key, { value, writable: true, configurable: true });
  }
  const { code, Code, $fault, $metadata } = cause as Error & SdkErrorFields;
  Object.assign(safe, {
    ...(code !== undefined && { code }),
    ...(Code !== undefined && { Code }),
    ...($fault !== undefined && { $fault }),
    ...($metadata && {
      $metadata: { httpStatusCode: $metadata.httpStatusCode, requestId: $metadata.requestId },
    }),
  });
  if (cause.cause !== undefined && depth < MAX_DEPTH)
    safe.cause = safeCause(cause.cause, depth + 1);
  return safe;
}
