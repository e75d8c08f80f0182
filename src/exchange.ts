import { clockOffsetMs, learnServerTime } from './clock';
import { analyzeFailure } from './diagnosis/analyze';
import { classifyFailure } from './diagnosis/classify';
import { formatDiagnosis } from './diagnosis/format';
import { rememberSigning } from './diagnosis/signingRecords';
import type { Diagnosis, SigningRecord } from './diagnosis/types';
import {
  prepareOutgoing,
  toWire,
  type OutgoingDraft,
  type PreparedRequest,
  type WireRequest,
} from './outgoing';
import { redactUrl } from './redact';
import { isRedirect, redirectTarget } from './redirect';
import { signerInternals, type SignerInternals } from './signer';
import type { Signer } from './types';

/** A client's answer, as the exchange needs to see it. @internal */
export interface Reply<R> {
  readonly status: number;
  header(lowerName: string): string | null | undefined;
  /** The error message of the body; read only for a refusal. */
  message(): Promise<string | undefined>;
  /** What the caller receives (a Response, an axios response): `diagnose` looks records up by it. */
  readonly handle: object;
  /**
   * Hands the answer to the caller the way the client would: returns it, or throws its error
   * (carrying `diagnosis`, where the client's error can).
   */
  settle(diagnosis?: Diagnosis): R;
}

/** How an adapter sends a {@link WireRequest} with its client. @internal */
export interface Transport<R> {
  send(request: WireRequest): Promise<Reply<R>>;
  /** Redirects to follow; 0 returns them to the caller as they are. */
  readonly maxRedirects: number;
}

/** A reply and what was signed to get it (nothing, for a hop sent unsigned). */
interface Hop<R> {
  readonly reply: Reply<R>;
  readonly record?: () => SigningRecord;
}

/** Statuses worth explaining: IAM refusals, and a 500 after a valid signature. */
const EXPLAINED_STATUSES = new Set([401, 403, 500]);

async function summaryOf<R>(reply: Reply<R>) {
  return {
    status: reply.status,
    errorType: reply.header('x-amzn-errortype'),
    message: await reply.message(),
  };
}

/** Why a refused request is worth signing once more, if it is. */
async function recoveryFor<R>(
  reply: Reply<R>,
  offsetAtSigning: number,
): Promise<'clock' | 'credentials' | undefined> {
  if (reply.status !== 401 && reply.status !== 403) return undefined;
  const kind = classifyFailure(await summaryOf(reply));
  if (kind === 'clock-skew') return clockOffsetMs() !== offsetAtSigning ? 'clock' : undefined;
  if (kind === 'invalid-token' || kind === 'expired-token') return 'credentials';
  return undefined;
}

/**
 * Signs and sends; when the server refuses the signature for a reason a new one cures (a clock
 * the `Date` header just corrected, credentials it calls invalid or expired), signs again with
 * fresh time or credentials and sends exactly once more. The body is already bytes, so it can
 * always be sent again.
 */
async function sendSigned<R>(
  internals: SignerInternals,
  request: PreparedRequest,
  transport: Transport<R>,
): Promise<Hop<R>> {
  const offsetAtSigning = clockOffsetMs();
  const first = await internals.sign(request);
  const reply = await transport.send(toWire(request, first.headers));
  learnServerTime(reply.header('date'));
  const recovery = await recoveryFor(reply, offsetAtSigning);
  if (!recovery) return { reply, record: first.record };
  if (recovery === 'credentials') internals.forgetCredentials(first.credentials);
  internals.log?.(
    recovery === 'clock'
      ? 'clock skew: signing again at the corrected time'
      : 'security token refused: resolving credentials afresh and signing again',
    { status: reply.status, url: first.record().url, clockOffsetMs: clockOffsetMs() },
  );
  const second = await internals.sign(request);
  const retried = await transport.send(toWire(request, second.headers));
  learnServerTime(retried.header('date'));
  return { reply: retried, record: second.record };
}

/** Explains a refusal of a signed request (to the debug log too), and remembers what was signed. */
async function explain<R>(
  internals: SignerInternals,
  { reply, record }: Hop<R>,
): Promise<Diagnosis | undefined> {
  if (!record) return undefined;
  rememberSigning(reply.handle, record);
  if (!EXPLAINED_STATUSES.has(reply.status)) return undefined;
  const diagnosis = analyzeFailure(await summaryOf(reply), record());
  if (diagnosis) internals.log?.('refused', { diagnosis: formatDiagnosis(diagnosis) });
  return diagnosis;
}

/**
 * The one request/response loop both adapters share: read the body once, sign, send, recover
 * once from a refusal a new signature cures, and follow redirects without ever carrying a
 * signing header to a host out of the signer's scope (a new host in scope is signed afresh;
 * any other is sent the request with no signing header at all).
 * @internal
 */
export async function exchange<R>(
  signer: Signer,
  draft: OutgoingDraft,
  transport: Transport<R>,
): Promise<R> {
  const internals = signerInternals(signer);
  let request = await prepareOutgoing(draft);
  let hop = await sendSigned(internals, request, transport);
  for (let hops = 0; hops < transport.maxRedirects && isRedirect(hop.reply.status); hops++) {
    const next = redirectTarget(request, hop.reply.status, hop.reply.header('location'));
    if (!next) break;
    const inScope = signer.appliesTo(next.url);
    internals.log?.('redirect', {
      status: hop.reply.status,
      to: redactUrl(next.url),
      signed: inScope,
    });
    request = next;
    hop = inScope
      ? await sendSigned(internals, next, transport)
      : { reply: await transport.send(toWire(next)) };
  }
  return hop.reply.settle(await explain(internals, hop));
}
