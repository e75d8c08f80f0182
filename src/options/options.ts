import { assumeRoleProvider, type RoleBase } from '../credentials/assumeRole';
import { DEFAULT_CREDENTIALS_TIMEOUT_MS, DEFAULT_REFRESH_MARGIN_MS } from '../constants';
import { resolveDebug, type DebugLog } from './debug';
import {
  DEFAULT_CHAIN_SOURCES,
  defaultCredentialProvider,
} from '../credentials/defaultCredentials';
import { invalidOption } from '../errors';
import { checkHosts } from '../scope/hostsOption';
import type {
  AwsCredentialIdentity,
  AwsCredentialProvider,
  HostMatcher,
  SigV4Options,
} from '../types';

/** Options checked and defaulted once, when a signer is created. @internal */
export interface ResolvedOptions {
  readonly region?: string;
  readonly service?: string;
  /**
   * The user's provider, static credentials wrapped once, the assume-role provider, or undefined
   * for the default chain.
   */
  readonly credentials?: AwsCredentialProvider;
  /** Where credentials come from and what to check when they fail, for error messages. */
  readonly credentialsSource: { readonly name: string; readonly fix: string };
  readonly hosts?: readonly HostMatcher[];
  readonly refreshMarginMs: number;
  readonly credentialsTimeoutMs: number;
  readonly regionSet?: readonly string[];
  /** The origin (and origin path) requests are signed for, without a trailing slash. */
  readonly signingOrigin?: URL;
  /** Writes debug events; undefined when the `debug` option is off. */
  readonly log?: DebugLog;
}

const invalid = invalidOption;

function checkName(
  option: 'region' | 'service',
  value: unknown,
  example: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[a-z0-9*-]+$/.test(value)) {
    throw invalid(
      option,
      `give a lower-case name such as '${example}', or leave it out to infer it from the host`,
    );
  }
  return value;
}

/** The `credentials` option as a provider, and the static identity it serves, if it is one. */
function checkCredentials(value: unknown): RoleBase | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'function') return { provider: value as AwsCredentialProvider };
  const identity = value as Partial<AwsCredentialIdentity> | null;
  if (
    !identity ||
    typeof identity.accessKeyId !== 'string' ||
    !identity.accessKeyId ||
    typeof identity.secretAccessKey !== 'string' ||
    !identity.secretAccessKey
  ) {
    throw invalid(
      'credentials',
      'pass { accessKeyId, secretAccessKey, sessionToken? } or a provider function such as fromTemporaryCredentials(...)',
    );
  }
  const fixed = identity as AwsCredentialIdentity;
  return { provider: () => Promise.resolve(fixed), identity: fixed };
}

function checkMargin(value: unknown): number {
  if (value === undefined) return DEFAULT_REFRESH_MARGIN_MS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalid('refreshMarginMs', 'pass a number of milliseconds >= 0 (default 300000)');
  }
  return value;
}

function checkTimeout(value: unknown): number {
  if (value === undefined) return DEFAULT_CREDENTIALS_TIMEOUT_MS;
  if (typeof value !== 'number' || !(value > 0) || value > 2 ** 31 - 1) {
    throw invalid('credentialsTimeoutMs', 'pass a number of milliseconds > 0 (default 10000)');
  }
  return value;
}

function checkRegionSet(value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const valid = (region: unknown) =>
    typeof region === 'string' && (region === '*' || /^[a-z0-9-]+\*?$/.test(region));
  if (!Array.isArray(value) || value.length === 0 || !value.every(valid)) {
    throw invalid('regionSet', "pass ['*'] or a list of regions, e.g. ['eu-west-1', 'us-east-1']");
  }
  return value as string[];
}

function checkSigningOrigin(value: unknown): URL | undefined {
  if (value === undefined) return undefined;
  const fix =
    "give the origin's URL prefix, e.g. 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod' (no query, no credentials)";
  if (typeof value !== 'string' || !URL.canParse(value)) throw invalid('signingOrigin', fix);
  const url = new URL(value);
  if (!/^(https?|wss?):$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw invalid('signingOrigin', fix);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

function credentialsOf(
  given: RoleBase | undefined,
  assumeRole: SigV4Options['assumeRole'],
): Pick<ResolvedOptions, 'credentials' | 'credentialsSource'> {
  if (assumeRole !== undefined) {
    const base = given ? 'the `credentials` option' : 'the default chain';
    return {
      credentials: assumeRoleProvider(
        assumeRole,
        given ?? { provider: defaultCredentialProvider() },
      ),
      credentialsSource: {
        name: `STS AssumeRole of ${String(assumeRole.roleArn)} (base credentials from ${base})`,
        fix: "check that the base credentials may call sts:AssumeRole on the role and that its trust policy (and external ID) admits them; see the cause for STS's answer",
      },
    };
  }
  if (given) {
    return {
      credentials: given.provider,
      credentialsSource: {
        name: 'the `credentials` option',
        fix: 'check the provider passed as `credentials` (see the cause)',
      },
    };
  }
  return {
    credentials: undefined,
    credentialsSource: {
      name: DEFAULT_CHAIN_SOURCES,
      fix: 'set credentials in one of those places (in Lambda the execution role provides them) or pass the `credentials` option',
    },
  };
}

/**
 * Validates the values of user options (their names are checked by checkOptionNames), throwing
 * a {@link SigV4OptionsError} that names the option to fix.
 * @internal
 */
export function resolveOptions(options: SigV4Options = {}): ResolvedOptions {
  const given = checkCredentials(options.credentials);
  return {
    region: checkName('region', options.region, 'eu-west-1'),
    service: checkName('service', options.service, 'execute-api'),
    ...credentialsOf(given, options.assumeRole),
    hosts: checkHosts(options.hosts),
    refreshMarginMs: checkMargin(options.refreshMarginMs),
    credentialsTimeoutMs: checkTimeout(options.credentialsTimeoutMs),
    regionSet: checkRegionSet(options.regionSet),
    signingOrigin: checkSigningOrigin(options.signingOrigin),
    log: resolveDebug(options.debug),
  };
}
