import { invalidOption } from '../errors';
import type { HostMatcher } from '../types';

/** The host name a `hosts` string should have been, when it is a URL or has a path. */
function hostOfUrlLike(entry: string): string | undefined {
  if (entry.includes('://') && URL.canParse(entry)) return new URL(entry).host;
  return entry.includes('/') ? entry.split('/')[0] : undefined;
}

function checkHostString(entry: string): void {
  const host = hostOfUrlLike(entry);
  if (host !== undefined) {
    throw invalidOption('hosts', `an entry is a URL, not a host name: pass '${host}'`);
  }
  if (entry === '' || entry.includes('*')) {
    throw invalidOption(
      'hosts',
      `'${entry}' is no host name: give exact names ('api.example.com', 'host:8443'), or a RegExp such as /\\.example\\.com$/ for a family`,
    );
  }
}

/** The `hosts` option: host names (not URLs, no globs), RegExps or predicates. @internal */
export function checkHosts(value: unknown): readonly HostMatcher[] | undefined {
  if (value === undefined) return undefined;
  const valid = (m: unknown) =>
    typeof m === 'string' || m instanceof RegExp || typeof m === 'function';
  if (!Array.isArray(value) || !value.every(valid)) {
    throw invalidOption(
      'hosts',
      "pass an array of host names, RegExps or predicates, e.g. ['api.example.com', /\\.execute-api\\./]",
    );
  }
  for (const entry of value) if (typeof entry === 'string') checkHostString(entry);
  return value as HostMatcher[];
}
