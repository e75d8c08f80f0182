import { SigV4RequestError } from './errors';
import { inferSigningScope, type SigningScope } from './infer';
import type { ResolvedOptions } from './options';
import type { HostMatcher } from './types';

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
 * Whether the adapters sign requests to `url`. Explicit `hosts` decide; without them, every host
 * when both region and service (or a `signingOrigin`) are given, else only the AWS hosts they
 * can be inferred from.
 * @internal
 */
export function isInScope(options: ResolvedOptions, url: URL): boolean {
  if (options.hosts) return isListedHost(options, url);
  if ((options.region && options.service) || options.signingOrigin) return true;
  return inferSigningScope(url.hostname) !== undefined;
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

/** The service and region to sign `url` for: explicit options win over inference. @internal */
export function signingScopeFor(options: ResolvedOptions, url: URL, method: string): SigningScope {
  const inferred = options.region && options.service ? undefined : inferSigningScope(url.hostname);
  const region = options.region ?? inferred?.region;
  const service = options.service ?? inferred?.service;
  if (region && service) return { region, service };
  const missing = [!region && '`region`', !service && '`service`'].filter(Boolean).join(' and ');
  throw new SigV4RequestError(
    'UNKNOWN_SIGNING_SCOPE',
    `Cannot infer the signing ${missing.replace(/`/g, '')} from the host ${url.hostname}`,
    `pass ${missing} (for a custom domain of API Gateway: region: 'eu-west-1', service: 'execute-api')`,
    { method, url },
  );
}
