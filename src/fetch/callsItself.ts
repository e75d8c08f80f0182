import { SigV4OptionsError } from '../errors';

/** The call a signed fetch was making, for an error message. @internal */
export interface CallContext {
  readonly method: string;
  readonly url?: string;
}

/**
 * A signed fetch that would send with itself: each call would make another, through promise jobs
 * that never leave the event loop a turn (a process that hangs, a Lambda that runs to its timeout).
 * @internal
 */
export const callsItselfError = (context?: CallContext) =>
  new SigV4OptionsError(
    'INVALID_OPTIONS',
    'The signed fetch would send with itself (its `fetch` leads back to it)',
    'to sign every global fetch call installSignedFetch(options), which sends with the fetch it replaces; ' +
      'otherwise give the `fetch` option a fetch that does not call this signed fetch',
    context,
  );

/** A fetch call as the signed fetch passes it on. @internal */
export type Send = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The signed fetches a request init made by one of them has been through (all copies share it). */
const SENT_BY = Symbol.for('aws-sigv4-interceptor.sent-by.v1');

const sentBy = (init: RequestInit | undefined): ReadonlySet<object> | undefined => {
  const tag = (init as { [SENT_BY]?: ReadonlySet<object> } | undefined)?.[SENT_BY];
  return typeof tag?.has === 'function' ? tag : undefined;
};

/**
 * Catches the calls that come back into a signed fetch from the fetch it sends with, through
 * fetches that are not ours and carry no mark (a wrapper calling `globalThis.fetch` while the
 * signed fetch is that global, two signed fetches sending with each other): a call made while
 * that fetch runs synchronously, or one carrying an init that this signed fetch made (and tagged)
 * for a request it signed, however many awaits later.
 * @internal
 */
export function createLoopGuard() {
  const self = {};
  let sending = false;
  const call = (send: Send, input: string | URL | Request, init: RequestInit | undefined) => {
    sending = true;
    try {
      return init === undefined ? send(input) : send(input, init); // a call passed on as it came
    } finally {
      sending = false;
    }
  };
  return {
    /** Whether a call to the signed fetch comes back from its own sending. */
    isCallBack: (init: RequestInit | undefined) => sending || sentBy(init)?.has(self) === true,
    /** Sends with `send`, noting that this signed fetch is sending. */
    pass: call,
    /** Sends a signed request with the init made for it, tagged with the fetches it went through. */
    sendSigned(send: Send, input: string | URL | Request, wire: RequestInit, from?: RequestInit) {
      const through = new Set([...(sentBy(from) ?? []), self]);
      Object.defineProperty(wire, SENT_BY, { value: through });
      return call(send, input, wire);
    },
  };
}
