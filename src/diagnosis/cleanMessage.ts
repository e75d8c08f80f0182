/**
 * AWS's message as a diagnosis shows it: trimmed, without the canonical string and string-to-sign
 * blocks (shown as differences instead), and with anything secret masked in case a service echoes
 * it (some echo the Authorization header, whose Signature or bearer token must not be repeated).
 */

import { redactCanonicalRequest } from '../redact';

const MASK = '***';

/** The blocks API Gateway appends to a signature mismatch, to the end of the message. */
const COMPUTATION_BLOCKS =
  /\s*The (?:Canonical String for this request|String-to-Sign) should have been[\s\S]*$/;

/**
 * Masks a signature, an echoed Authorization value, a session token parameter and every
 * credential-like header line (session token, cookie, API key). @internal
 */
export function maskSecrets(text: string): string {
  return redactCanonicalRequest(text)
    .replace(/(Signature=)[0-9a-fA-F]+/g, `$1${MASK}`)
    .replace(/(Authorization=)[^\n]*/g, `$1${MASK}`)
    .replace(/(x-amz-security-token:)[^\n]*/gi, `$1${MASK}`)
    .replace(/(x-amz-security-token=)[^&\s'"]*/gi, `$1${MASK}`);
}

/** The message to show for an answer. @internal */
export function cleanMessage(message: string | undefined): string {
  return maskSecrets((message ?? '').replace(COMPUTATION_BLOCKS, '')).trim();
}
