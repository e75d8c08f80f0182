import { SigV4OptionsError } from '../errors';
import { FETCH_ENTRY } from '../options/optionNames';
import { installRecordOf, markInstalled, type InstallRecord } from './marks';
import { buildSignedFetch, type SignedFetchOptions } from './signedFetch';

/**
 * Options of {@link installSignedFetch}: those of `createSignedFetch`. Give `hosts` (or the
 * `region` and `service` of an AWS host), so that only the APIs you mean are signed: every
 * fetch in the process goes through the installed one.
 */
export type InstallSignedFetchOptions = SignedFetchOptions;

/** What was global before `record`'s install, skipping installs restored since. */
function stillInstalledBefore(record: InstallRecord): typeof fetch {
  let previous = record.previous;
  for (let r = installRecordOf(previous); r?.restored; r = installRecordOf(previous)) {
    previous = r.previous;
  }
  return previous;
}

/**
 * Replaces `globalThis.fetch` with a signed fetch, so that every `fetch(...)` in the process,
 * those inside libraries (ky, an OpenAPI or GraphQL client) included, is signed for the hosts in
 * scope. Every other request goes to the fetch it replaced, untouched: same arguments, same
 * `Response` class, same errors (a URL that cannot be parsed included).
 *
 * Installing again does not sign twice: the new signed fetch replaces the installed one as the
 * global and sends with the same original fetch; its options are the ones in force. The returned
 * function puts back what was global before this install, skipping installs already restored, so
 * that restores in any order end with the original fetch. If the global fetch was replaced since
 * by something else (a mock server, another library), it is left alone.
 * @returns a function that undoes this install (calling it again does nothing)
 * @throws SigV4OptionsError for invalid options, or when there is no global fetch to wrap
 * @example
 * // Lambda: once, at module scope; ky, an OpenAPI client, plain fetch: all signed for this host.
 * installSignedFetch({ hosts: ['abc123.execute-api.eu-west-1.amazonaws.com'] });
 * @example
 * // A test: restore the original fetch in the teardown.
 * const restore = installSignedFetch({ hosts: ['127.0.0.1'], region: 'eu-west-1', service: 'execute-api' });
 * afterEach(restore);
 */
export function installSignedFetch(options?: InstallSignedFetchOptions): () => void {
  const previous = globalThis.fetch as typeof fetch | undefined;
  if (typeof previous !== 'function') {
    throw new SigV4OptionsError(
      'INVALID_OPTIONS',
      'No global fetch to wrap (`globalThis.fetch` is not set)',
      'install a fetch first (a polyfill, undici) or run on Node.js 18 or newer',
    );
  }
  const installed = buildSignedFetch(options, FETCH_ENTRY, true);
  const record: InstallRecord = { previous, restored: false };
  markInstalled(installed, record);
  globalThis.fetch = installed;
  return () => {
    if (record.restored) return;
    record.restored = true;
    if (globalThis.fetch === installed) globalThis.fetch = stillInstalledBefore(record);
  };
}
