/**
 * Whether the exchange follows redirects itself, hop by hop, so that no signing header reaches a
 * host out of the signer's scope (DOMAIN.md §7): yes here. The browser build swaps this module for
 * src/browser/redirectMode.ts, where the browser follows them.
 * @internal
 */
export const exchangeFollowsRedirects: boolean = true;
