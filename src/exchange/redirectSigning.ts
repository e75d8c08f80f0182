/**
 * Which hops of a redirect chain may carry a signature (DOMAIN.md §7). SigV4 signs neither the
 * scheme nor who receives the request: a signature that reaches another origin can be replayed
 * against the real API for minutes, and one sent over http can be read on the way. So a hop is
 * signed only for the origin the chain started at, or for a host the user listed in `hosts`,
 * and never over http once any hop went over https.
 */

/** How a redirect hop is signed: as the first hop was (with `signingOrigin`), for its own URL, or not. @internal */
export type HopSigning = 'as-first-hop' | 'own-url' | undefined;

/** What a redirect chain remembers to decide on its next hop. @internal */
export interface RedirectChain {
  /** The origin of the first request, the one the caller addressed. */
  readonly firstOrigin: string;
  /** Whether any hop so far went over https (or wss). */
  readonly secure: boolean;
}

const isSecure = (url: URL) => url.protocol === 'https:' || url.protocol === 'wss:';

/** The chain of a request about to be sent for the first time. @internal */
export const startChain = (url: URL): RedirectChain => ({
  firstOrigin: url.origin,
  secure: isSecure(url),
});

/** The chain once a hop to `url` is followed. @internal */
export const extendChain = (chain: RedirectChain, url: URL): RedirectChain => ({
  firstOrigin: chain.firstOrigin,
  secure: chain.secure || isSecure(url),
});

/**
 * How the hop to `next` is signed. `listed` says whether the user's `hosts` option names its host:
 * the inferred scope and the "every host" of an explicit region and service are for the request
 * the caller addressed, not for wherever a server sends it next.
 * @internal
 */
export function hopSigning(chain: RedirectChain, next: URL, listed: boolean): HopSigning {
  if (chain.secure && !isSecure(next)) return undefined;
  if (next.origin === chain.firstOrigin) return 'as-first-hop';
  return listed ? 'own-url' : undefined;
}
