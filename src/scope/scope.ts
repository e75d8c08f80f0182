import { awsEndpointOf } from './awsEndpoint';
import { SigV4RequestError } from '../errors';
import { inferSigningScope, type SigningScope } from './infer';
import type { ResolvedOptions } from '../options/options';
import type { HostMatcher } from '../types';

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

function matches(matcher: HostMatcher, url: URL): boolean {
  if (typeof matcher === 'string') {
    const wanted = matcher.toLowerCase();
    // `host:443` names https://host too: the URL drops a default port.
    const port = url.port || DEFAULT_PORTS[url.protocol];
    return wanted === url.hostname || wanted === url.host || wanted === `${url.hostname}:${port}`;
  }
  if (matcher instanceof RegExp) {
    matcher.lastIndex = 0; // a /g pattern keeps state between tests
    return matcher.test(url.hostname);
  }
  return matcher(url.hostname);
}

/** Whether the user's own `hosts` option names `url`'s host (never true without the option). @internal */
export function isListedHost(options: ResolvedOptions, url: URL): boolean {
  return options.hosts?.some((matcher) => matches(matcher, url)) ?? false;
}

/**
 * Why requests to `url` are not signed, in words for the debug log and a diagnosis. Only asked
 * for a URL out of scope.
 * @internal
 */
export function whyOutOfScope(options: ResolvedOptions, url: URL): string {
  if (options.hosts) return `its host ${url.host} is not in the \`hosts\` option`;
  return `its host ${url.hostname} is not one whose region and service can be inferred (such as <api>.execute-api.<region>.amazonaws.com), and \`region\` and \`service\` were not both given`;
}

/**
 * Whether the adapters sign requests to `url`. Explicit `hosts` decide; without them, every host
 * when both region and service (or a `signingOrigin`) are given, else the AWS hosts they can be
 * inferred from, and every other AWS service endpoint (`{prefix}.{region}.amazonaws.com`, whose
 * prefix botocore does not know): signing one fails loudly (UNKNOWN_SIGNING_SCOPE) rather than
 * sending a request the caller meant to sign unsigned, or signing it for a guessed service.
 * @internal
 */
export function isInScope(options: ResolvedOptions, url: URL): boolean {
  if (options.hosts) return isListedHost(options, url);
  if ((options.region && options.service) || options.signingOrigin) return true;
  return inferSigningScope(url.hostname) !== undefined || awsEndpointOf(url.hostname) !== undefined;
}

function unknownScope(url: URL, method: string, missing: string[]): SigV4RequestError {
  const endpoint = awsEndpointOf(url.hostname);
  if (endpoint && !endpoint.scope) {
    return new SigV4RequestError(
      'UNKNOWN_SIGNING_SCOPE',
      `Unknown AWS endpoint prefix '${endpoint.prefix}' in the host ${url.hostname} (not in botocore's service models), no signing name to infer`,
      "pass `region` and `service` (the service's signing name, as in the AWS SDK), or `hosts` to sign only the hosts you list",
      { method, url },
    );
  }
  const names = missing.map((name) => `\`${name}\``).join(' and ');
  return new SigV4RequestError(
    'UNKNOWN_SIGNING_SCOPE',
    `Cannot infer the signing ${missing.join(' and ')} from the host ${url.hostname}`,
    `pass ${names} (for a custom domain of API Gateway: region: 'eu-west-1', service: 'execute-api')`,
    { method, url },
  );
}

/**
 * The service and region to sign `url` for: explicit options win over inference. A region may
 * come from the host of an endpoint whose service is unknown, when `service` is given.
 * @internal
 */
export function signingScopeFor(options: ResolvedOptions, url: URL, method: string): SigningScope {
  const inferred = options.region && options.service ? undefined : inferSigningScope(url.hostname);
  const hostRegion = inferred || options.region ? undefined : awsEndpointOf(url.hostname)?.region;
  const region = options.region ?? inferred?.region ?? hostRegion;
  const service = options.service ?? inferred?.service;
  if (region && service) return { region, service };
  const missing = [!region && 'region', !service && 'service'].filter((m): m is string => !!m);
  throw unknownScope(url, method, missing);
}
