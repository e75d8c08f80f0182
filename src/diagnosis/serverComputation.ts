/**
 * The server's own computation, as API Gateway appends it to an `InvalidSignatureException`:
 * "...\n\nThe Canonical String for this request should have been\n'...'\n\nThe String-to-Sign
 * should have been\n'...'\n". DOMAIN.md §3; the local endpoint copies the format (testing/verifier/errors.ts).
 */

const CANONICAL_INTRO = 'The Canonical String for this request should have been\n';
const STRING_TO_SIGN_INTRO = '\n\nThe String-to-Sign should have been\n';

/** What the server computed from the request it received. @internal */
export interface ServerComputation {
  readonly canonicalRequest: string;
  readonly stringToSign?: string;
}

/** A block without its enclosing quotes and the line breaks after it. */
function unquote(block: string): string {
  const trimmed = block.replace(/\s+$/, '');
  const quoted = /^'([\s\S]*)'$/.exec(trimmed);
  return quoted ? quoted[1] : trimmed;
}

/** The canonical request and string to sign of a mismatch message, or undefined when absent. @internal */
export function serverComputation(message: string): ServerComputation | undefined {
  const text = message.replace(/\r\n/g, '\n');
  const start = text.indexOf(CANONICAL_INTRO);
  if (start < 0) return undefined;
  const rest = text.slice(start + CANONICAL_INTRO.length);
  const split = rest.lastIndexOf(STRING_TO_SIGN_INTRO);
  if (split < 0) return { canonicalRequest: unquote(rest) };
  return {
    canonicalRequest: unquote(rest.slice(0, split)),
    stringToSign: unquote(rest.slice(split + STRING_TO_SIGN_INTRO.length)),
  };
}
