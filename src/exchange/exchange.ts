import { untilAborted } from './abortable';
import { analyzeFailure } from '../diagnosis/analyze';
import { formatDiagnosis } from '../diagnosis/format';
import { rememberSigning } from '../diagnosis/signingRecords';
import type { Diagnosis } from '../diagnosis/types';
import { prepareOutgoing, toWire, type OutgoingDraft, type PreparedRequest } from './outgoing';
import { redactUrl } from '../redact';
import { isRedirect, redirectTarget } from './redirect';
import { extendChain, hopSigning, startChain, type RedirectChain } from './redirectSigning';
import { sendSigned, type BeforeSending, type Hop } from './recovery';
import { signerInternals, type SignerInternals } from '../signing/signer';
import type { Transport } from './transport';
import type { Signer } from '../types';

export type { Reply, Transport } from './transport';

/** Statuses worth explaining: IAM refusals, and a 500 after a valid signature. */
const EXPLAINED_STATUSES = new Set([401, 403, 500]);

/**
 * Explains a refusal of a signed request (to the debug log too), and remembers what was signed
 * for `diagnose`, which explains no other status. Undefined at once for any other answer: a
 * success waits on nothing here.
 */
function explain<R>(
  internals: SignerInternals,
  { reply, record }: Hop<R>,
): Promise<Diagnosis | undefined> | undefined {
  if (!record || !EXPLAINED_STATUSES.has(reply.status)) return undefined;
  rememberSigning(reply.handle, record);
  return reply.message().then((message) => {
    const summary = { status: reply.status, errorType: reply.header('x-amzn-errortype'), message };
    const diagnosis = analyzeFailure(summary, record());
    if (diagnosis) internals.log?.('refused', { diagnosis: formatDiagnosis(diagnosis) });
    return diagnosis;
  });
}

/** One redirect followed: signed only as src/exchange/redirectSigning.ts allows, else with no signing header. */
async function followRedirect<R>(
  internals: SignerInternals,
  chain: RedirectChain,
  status: number,
  next: PreparedRequest,
  transport: Transport<R>,
  beforeSending: BeforeSending,
): Promise<Hop<R>> {
  const signing = hopSigning(chain, next.url, internals.listsHost(next.url));
  internals.log?.('redirect', { status, to: redactUrl(next.url), signed: signing !== undefined });
  if (!signing) return { reply: await transport.send(toWire(next)) };
  return sendSigned(internals, next, transport, { ownUrl: signing === 'own-url' }, beforeSending);
}

/**
 * The one request/response loop both adapters share: read the body once, sign, send, recover
 * once from a refusal AWS says a new signature cures, and follow redirects as the client would,
 * signing a hop only for the origin the call started at or a host the user listed (never after
 * https turned into http); any other hop is sent with no signing header at all. The caller's
 * abort (or axios's timeout) ends the call at once, even while credentials resolve.
 * @internal
 */
export async function exchange<R>(
  signer: Signer,
  draft: OutgoingDraft,
  transport: Transport<R>,
): Promise<R> {
  const internals = signerInternals(signer);
  const beforeSending: BeforeSending = (work) =>
    untilAborted(work, transport.signal, () => transport.abortError());
  let request = await beforeSending(prepareOutgoing(draft));
  let chain = startChain(request.url);
  let hop = await sendSigned(internals, request, transport, {}, beforeSending);
  let redirects = 0;
  while (transport.maxRedirects > 0 && isRedirect(hop.reply.status)) {
    const location = hop.reply.header('location');
    const next = redirectTarget(request, hop.reply.status, location);
    if (!next) break; // no Location: the redirect itself is the answer, as with the clients
    hop.reply.discard();
    if (next === 'unsupported-scheme') throw transport.redirectError(next, location!);
    if (redirects++ === transport.maxRedirects)
      throw transport.redirectError('too-many', location!);
    hop = await followRedirect(internals, chain, hop.reply.status, next, transport, beforeSending);
    chain = extendChain(chain, next.url);
    request = next;
  }
  const explaining = explain(internals, hop);
  return hop.reply.settle(explaining && (await explaining), redirects > 0);
}
