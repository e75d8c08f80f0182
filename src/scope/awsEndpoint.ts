import { REGION_PATTERN } from '../constants';
import type { SigningScope } from './infer';
import { AWS_DNS_SUFFIXES, ENDPOINT_PREFIXES, GLOBAL_ENDPOINTS } from './signingNames';

/** The host of an AWS service endpoint, `{prefix}.{region}.{dnsSuffix}` or a global one. @internal */
export interface AwsEndpointHost {
  /** The endpoint prefix, normalized: `kms` for `kms-fips`, `s3-control` for `s3-control.dualstack`. */
  readonly prefix: string;
  /** The region its name carries (or a global endpoint's signing region). */
  readonly region: string;
  /** The signing scope, when the prefix is known (botocore's service models); else undefined. */
  readonly scope?: SigningScope;
}

interface EndpointTables {
  readonly names: ReadonlyMap<string, string>;
  readonly globals: ReadonlyMap<string, SigningScope>;
}

/** `a b=c` → [['a', 'a'], ['b', 'c']] */
const pairs = (table: string): Array<[string, string]> =>
  table
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => {
      const [key, value = key] = entry.split('=');
      return [key, value];
    });

/** Parsed on first use, not on import (nothing runs at import time). */
let tables: EndpointTables | undefined;
const endpointTables = (): EndpointTables =>
  (tables ??= {
    names: new Map(pairs(ENDPOINT_PREFIXES)),
    globals: new Map(
      pairs(GLOBAL_ENDPOINTS).map(([host, scope]) => {
        const [service, region] = scope.split('/');
        return [host, { service, region }];
      }),
    ),
  });

/**
 * `kms-fips` → `kms`, `fips.batch` → `batch`, `models-fips.lex` → `models.lex`,
 * `s3-control.dualstack` → `s3-control`: the FIPS and dual-stack forms of endpoints.json sign like
 * the plain endpoint (scripts/generate-signing-names.py normalizes the same way).
 */
function normalizedPrefix(labels: readonly string[]): string {
  let kept = labels.at(-1) === 'dualstack' ? labels.slice(0, -1) : labels;
  if (kept.length > 1 && kept[0] === 'fips') kept = kept.slice(1);
  return kept.map((label) => label.replace(/-fips$/, '')).join('.');
}

/** The signing name of a normalized prefix: exact, or a `*.` row for a one-label host prefix. */
function signingNameOf(prefix: string, names: ReadonlyMap<string, string>): string | undefined {
  const exact = names.get(prefix);
  if (exact !== undefined) return exact;
  const dot = prefix.indexOf('.');
  return dot > 0 ? names.get(`*${prefix.slice(dot)}`) : undefined;
}

/**
 * Reads an AWS service endpoint's host (lower case): its prefix and region, and the signing
 * scope where botocore knows the prefix. Undefined for any other host, and for S3 website
 * endpoints, which serve anonymous reads only and never take a signature.
 * @internal
 */
export function awsEndpointOf(host: string): AwsEndpointHost | undefined {
  const { names, globals } = endpointTables();
  const global = globals.get(host);
  if (global) return { prefix: host, region: global.region, scope: global };
  const suffix = AWS_DNS_SUFFIXES.find((dns) => host.endsWith(`.${dns}`));
  if (!suffix) return undefined;
  const labels = host.slice(0, -suffix.length - 1).split('.');
  const region = labels.pop()!;
  if (labels.length === 0 || !REGION_PATTERN.test(region) || labels.at(-1) === 's3-website') {
    return undefined;
  }
  const prefix = normalizedPrefix(labels);
  const service = signingNameOf(prefix, names);
  return { prefix, region, scope: service === undefined ? undefined : { service, region } };
}
