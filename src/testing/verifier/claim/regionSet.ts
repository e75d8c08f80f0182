/**
 * SigV4A region sets: a comma-separated list of regions, each of which may use `*` as a wildcard
 * (`*` alone for every region, `us-*` for every US region).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
 */

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Whether `region` is one of the set's regions or matches one of its wildcards. @internal */
export function regionSetCovers(regionSet: string, region: string): boolean {
  return regionSet
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .some((entry) => globToRegExp(entry).test(region));
}
