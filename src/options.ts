import { DEFAULT_REFRESH_MARGIN_MS } from './constants';
import { SigV4OptionsError } from './errors';
import type {
  AwsCredentialIdentity,
  AwsCredentialProvider,
  HostMatcher,
  SigV4Options,
} from './types';

/** Options checked and defaulted once, when a signer is created. @internal */
export interface ResolvedOptions {
  readonly region?: string;
  readonly service?: string;
  /** The user's provider, static credentials wrapped once, or undefined for the default chain. */
  readonly credentials?: AwsCredentialProvider;
  readonly hosts?: readonly HostMatcher[];
  readonly refreshMarginMs: number;
}

const invalid = (option: string, fix: string): SigV4OptionsError =>
  new SigV4OptionsError('INVALID_OPTIONS', `Invalid option \`${option}\``, fix);

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

function checkCredentials(value: unknown): AwsCredentialProvider | undefined {
  if (value === undefined || typeof value === 'function') return value as AwsCredentialProvider;
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
  return () => Promise.resolve(fixed);
}

function checkHosts(value: unknown): readonly HostMatcher[] | undefined {
  if (value === undefined) return undefined;
  const valid = (m: unknown) =>
    typeof m === 'string' || m instanceof RegExp || typeof m === 'function';
  if (!Array.isArray(value) || !value.every(valid)) {
    throw invalid(
      'hosts',
      "pass an array of host names, RegExps or predicates, e.g. ['api.example.com', /\\.execute-api\\./]",
    );
  }
  return value as HostMatcher[];
}

function checkMargin(value: unknown): number {
  if (value === undefined) return DEFAULT_REFRESH_MARGIN_MS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalid('refreshMarginMs', 'pass a number of milliseconds >= 0 (default 300000)');
  }
  return value;
}

/** Validates user options, throwing a {@link SigV4OptionsError} that names the option to fix. @internal */
export function resolveOptions(options: SigV4Options = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalid('options', 'pass an options object or nothing');
  }
  return {
    region: checkName('region', options.region, 'eu-west-1'),
    service: checkName('service', options.service, 'execute-api'),
    credentials: checkCredentials(options.credentials),
    hosts: checkHosts(options.hosts),
    refreshMarginMs: checkMargin(options.refreshMarginMs),
  };
}
