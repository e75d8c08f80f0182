/**
 * A request out of the signer's scope goes out as the caller made it, untouched: shared axios
 * instances and a wrapped global fetch call other hosts too. But never silently: the debug log
 * says it was not signed and why, and a 401/403 it gets is explained by that reason (axios:
 * `error.diagnosis`; fetch: `diagnose(response)`).
 */
import { diagnoseReadAnswer, type AxiosAnswerLike } from '../diagnosis/diagnose';
import { rememberUnsigned } from '../diagnosis/signingRecords';
import { redactUrl } from '../redact';
import { signerInternals } from '../signing/signer';
import type { Signer } from '../types';

const REFUSALS = new Set([401, 403]);

/** Remembers why a refused answer was unsigned; an axios error gets its diagnosis at once. */
function noteRefusal(answer: unknown, reason: () => string, error?: unknown): void {
  // A fetch Response, or an axios response (`data`, already read).
  const candidate = answer as AxiosAnswerLike | undefined;
  if (typeof candidate !== 'object' || candidate === null) return;
  if (!REFUSALS.has(candidate.status!)) return;
  rememberUnsigned(candidate, reason());
  if (typeof error !== 'object' || error === null) return;
  const diagnosis = diagnoseReadAnswer(candidate);
  if (diagnosis) Object.assign(error, { diagnosis });
}

/**
 * Sends a request the signer does not sign, as the client would, telling the debug log why and
 * explaining a refusal by it.
 * @internal
 */
export async function passUnsigned<T>(
  signer: Signer,
  request: { readonly method: string; readonly url: URL },
  send: () => Promise<T>,
): Promise<T> {
  const internals = signerInternals(signer);
  const reason = () => internals.whyUnsigned(request.url);
  internals.log?.('not signed', {
    method: request.method.toUpperCase(),
    url: redactUrl(request.url),
    reason: reason(),
  });
  try {
    const answer = await send();
    noteRefusal(answer, reason);
    return answer;
  } catch (error) {
    noteRefusal((error as { response?: unknown } | null)?.response, reason, error);
    throw error;
  }
}
