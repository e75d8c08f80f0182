import { clockOffsetMs, learnServerTime } from './clock';
import { classifyFailure } from './diagnosis/classify';
import {
  prepareOutgoing,
  toWire,
  type OutgoingDraft,
  type PreparedRequest,
  type WireRequest,
} from './outgoing';
import { isRedirect, redirectTarget } from './redirect';
import { signerInternals } from './signer';
import type { Signer } from './types';

/** A client's answer, as the exchange needs to see it. @internal */
export interface Reply<R> {
  readonly status: number;
  header(lowerName: string): string | null | undefined;
  /** The error message of the body; read only for a refusal. */
  message(): Promise<string | undefined>;
  /** Hands the answer to the caller the way the client would: returns it, or throws its error. */
  settle(): R;
}

/** How an adapter sends a {@link WireRequest} with its client. @internal */
export interface Transport<R> {
  send(request: WireRequest): Promise<Reply<R>>;
  /** Redirects to follow; 0 returns them to the caller as they are. */
  readonly maxRedirects: number;
}

/** Why a refused request is worth signing once more, if it is. */
async function recoveryFor<R>(
  reply: Reply<R>,
  offsetAtSigning: number,
): Promise<'clock' | 'credentials' | undefined> {
  if (reply.status !== 401 && reply.status !== 403) return undefined;
  const kind = classifyFailure({
    status: reply.status,
    errorType: reply.header('x-amzn-errortype'),
    message: await reply.message(),
  });
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
  signer: Signer,
  request: PreparedRequest,
  transport: Transport<R>,
): Promise<Reply<R>> {
  const { sign, forgetCredentials } = signerInternals(signer);
  const offsetAtSigning = clockOffsetMs();
  const first = await sign(request);
  const reply = await transport.send(toWire(request, first.headers));
  learnServerTime(reply.header('date'));
  const recovery = await recoveryFor(reply, offsetAtSigning);
  if (!recovery) return reply;
  if (recovery === 'credentials') forgetCredentials(first.credentials);
  const second = await sign(request);
  const retried = await transport.send(toWire(request, second.headers));
  learnServerTime(retried.header('date'));
  return retried;
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
  let request = await prepareOutgoing(draft);
  let reply = await sendSigned(signer, request, transport);
  for (let hop = 0; hop < transport.maxRedirects && isRedirect(reply.status); hop++) {
    const next = redirectTarget(request, reply.status, reply.header('location'));
    if (!next) break;
    request = next;
    reply = signer.appliesTo(next.url)
      ? await sendSigned(signer, next, transport)
      : await transport.send(toWire(next));
  }
  return reply.settle();
}
