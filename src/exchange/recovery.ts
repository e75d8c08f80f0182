/**
 * Sign, send, and recover once: when AWS refuses a signature for a reason a new one cures (a
 * clock its skew refusal lets us correct, credentials it calls invalid or expired), the request
 * is signed again with corrected time or fresh credentials and sent exactly once more. Nothing
 * else is ever resent (src/exchange/curableRefusal.ts says what counts as AWS's refusal).
 */
import { clockOffsetMs, learnServerTime } from './clock';
import { curableRefusal, mayBeCurable } from './curableRefusal';
import type { SigningRecord } from '../diagnosis/types';
import { toWire, type PreparedRequest } from './outgoing';
import type { SignerInternals, SignOutcome, SignSettings } from '../signing/signer';
import type { Reply, Transport } from './transport';
import type { AwsCredentialIdentity } from '../types';

/** A reply and what was signed to get it (nothing, for a hop sent unsigned). @internal */
export interface Hop<R> {
  readonly reply: Reply<R>;
  readonly record?: () => SigningRecord;
}

/** Waits for work that comes before sending, ending at once when the caller aborts. @internal */
export type BeforeSending = <T>(work: Promise<T>) => Promise<T>;

const sameKeys = (a: AwsCredentialIdentity, b: AwsCredentialIdentity) =>
  a.accessKeyId === b.accessKeyId &&
  a.secretAccessKey === b.secretAccessKey &&
  a.sessionToken === b.sessionToken;

/**
 * The second signature a refusal asks for, or undefined when there is nothing new to sign with:
 * a skew refusal that did not move the clock (no `Date`, or one that agrees with ours), or
 * credentials that resolve to the same keys again (they are resolved afresh at most every 10 s:
 * see forgetCachedCredentials).
 */
async function secondSignature<R>(
  internals: SignerInternals,
  request: PreparedRequest,
  reply: Reply<R>,
  first: SignOutcome,
  firstOffsetMs: number,
  settings: SignSettings,
  beforeSending: BeforeSending,
): Promise<SignOutcome | undefined> {
  const cure = await curableRefusal(reply);
  if (cure === 'clock') {
    // The offset is learned only here, from AWS's own skew refusal: any other response's Date
    // may be wrong or hostile, and the offset serves every request of the process. A request
    // signed before a concurrent one corrected the clock is worth signing again too.
    learnServerTime(reply.header('date'));
    if (clockOffsetMs() === firstOffsetMs) return undefined;
  } else if (cure === 'credentials') {
    internals.forgetCredentials(first.credentials);
    const fresh = await beforeSending(internals.resolveCredentials(request));
    if (sameKeys(fresh, first.credentials)) return undefined;
  } else return undefined;
  internals.log?.(
    cure === 'clock'
      ? 'clock skew: signing again at the corrected time'
      : 'security token refused: signing again with credentials resolved afresh',
    { status: reply.status, url: first.record().url, clockOffsetMs: clockOffsetMs() },
  );
  return beforeSending(internals.sign(request, settings));
}

/**
 * Signs and sends one hop; after a curable refusal, signs and sends it exactly once more. The
 * body is already bytes, so it can always be sent again.
 * @internal
 */
export async function sendSigned<R>(
  internals: SignerInternals,
  request: PreparedRequest,
  transport: Transport<R>,
  settings: SignSettings,
  beforeSending: BeforeSending,
): Promise<Hop<R>> {
  const offsetMs = clockOffsetMs();
  const first = await beforeSending(internals.sign(request, settings));
  const reply = await transport.send(toWire(request, first.headers));
  // Any other status is the answer: no turn is waited to look at it.
  const second = mayBeCurable(reply)
    ? await secondSignature(internals, request, reply, first, offsetMs, settings, beforeSending)
    : undefined;
  if (!second) return { reply, record: first.record };
  reply.discard();
  const retried = await transport.send(toWire(request, second.headers));
  return { reply: retried, record: second.record };
}
