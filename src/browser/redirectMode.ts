/**
 * The browser build's src/exchange/redirectMode.ts (swapped in by tsup.config.ts). In a browser, fetch with
 * `redirect: 'manual'` gives an opaque redirect (status 0, no `Location`) that the exchange cannot
 * follow, and XMLHttpRequest follows redirects whatever axios's `maxRedirects` says: the browser
 * follows them, under its own CORS and header rules.
 * @internal
 */
export const exchangeFollowsRedirects: boolean = false;
