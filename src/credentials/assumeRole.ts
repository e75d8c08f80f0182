import { SigV4OptionsError } from '../errors';
import { processState } from '../processState';
import { loadSdkProviders } from './sdkProviders';
import { sha256HexNow } from '../signing/sha256';
import type { AssumeRoleOptions, AwsCredentialIdentity, AwsCredentialProvider } from '../types';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/**
 * How many role providers (and so cached role credentials) the process keeps, the least recently
 * used going first: a Lambda that names each invocation's session differently must not grow.
 */
export const MAX_ASSUMED_ROLES = 100;

const invalid = (field: string, fix: string) =>
  new SigV4OptionsError('INVALID_OPTIONS', `Invalid option \`assumeRole.${field}\``, fix);

function check(options: AssumeRoleOptions): void {
  const { roleArn, sessionName, externalId, durationSeconds, region, endpoint } = options;
  if (typeof roleArn !== 'string' || !ROLE_ARN.test(roleArn)) {
    throw invalid(
      'roleArn',
      "give the role's ARN, e.g. 'arn:aws:iam::123456789012:role/ApiCaller'",
    );
  }
  if (sessionName !== undefined && !SESSION_NAME.test(String(sessionName))) {
    throw invalid('sessionName', 'use 2 to 64 characters of letters, digits and _+=,.@-');
  }
  if (externalId !== undefined && !EXTERNAL_ID.test(String(externalId))) {
    throw invalid('externalId', 'use 2 to 1224 characters of letters, digits and _+=,.@:/-');
  }
  const duration = durationSeconds;
  if (
    duration !== undefined &&
    (!Number.isInteger(duration) || duration < 900 || duration > 43200)
  ) {
    throw invalid('durationSeconds', 'use a whole number of seconds from 900 to 43200');
  }
  if (region !== undefined && (typeof region !== 'string' || !/^[a-z0-9-]+$/.test(region))) {
    throw invalid('region', "give the STS region, e.g. 'eu-west-1'");
  }
  if (endpoint !== undefined && (typeof endpoint !== 'string' || !URL.canParse(endpoint))) {
    throw invalid('endpoint', "give an absolute URL, e.g. 'https://sts.eu-west-1.amazonaws.com'");
  }
}

/** The base credentials of a role: a provider, and the static identity it serves, if it is one. @internal */
export interface RoleBase {
  readonly provider: AwsCredentialProvider;
  readonly identity?: AwsCredentialIdentity;
}

/**
 * What identifies the base credentials in a registry key, never a secret: static keys by their
 * access key id and a SHA-256 of secret and token (equal keys written out anew on each
 * invocation share one entry), a provider function by a number of its own.
 */
function baseKey({ provider, identity }: RoleBase): string {
  if (identity) {
    const { accessKeyId, secretAccessKey, sessionToken = '' } = identity;
    const fingerprint = sha256HexNow(`${secretAccessKey}\u0000${sessionToken}`);
    if (fingerprint) return `static ${accessKeyId} ${fingerprint}`;
  }
  const state = processState();
  let id = state.providerIds.get(provider);
  if (id === undefined) state.providerIds.set(provider, (id = state.nextProviderId++));
  return `provider ${id}`;
}

function create(options: AssumeRoleOptions, base: AwsCredentialProvider): AwsCredentialProvider {
  const { roleArn, sessionName, externalId, durationSeconds, region, endpoint } = options;
  let assume: Promise<AwsCredentialProvider> | undefined;
  return async () => {
    assume ??= loadSdkProviders().then(({ fromTemporaryCredentials }) =>
      fromTemporaryCredentials({
        masterCredentials: base,
        params: {
          RoleArn: roleArn,
          RoleSessionName: sessionName,
          ExternalId: externalId,
          DurationSeconds: durationSeconds,
        },
        clientConfig: { region, endpoint },
      }),
    );
    try {
      return await (
        await assume
      )();
    } catch (error) {
      assume = undefined; // a failed load or a broken client is rebuilt on the next try
      throw error;
    }
  };
}

/**
 * The provider for the `assumeRole` option: STS AssumeRole with the base credentials (the default
 * chain unless `credentials` is given). Checks the settings first. One provider per base
 * identity and settings in the whole process, so signers created on every invocation share one
 * cache entry and one AssumeRole call; at most {@link MAX_ASSUMED_ROLES} are kept.
 * @internal
 */
export function assumeRoleProvider(
  options: AssumeRoleOptions,
  base: RoleBase,
): AwsCredentialProvider {
  if (typeof options !== 'object' || options === null) {
    throw invalid('roleArn', "pass { roleArn: 'arn:aws:iam::123456789012:role/ApiCaller', ... }");
  }
  check(options);
  const { roleArn, sessionName, externalId, durationSeconds, region, endpoint } = options;
  const settings = [roleArn, sessionName, externalId, durationSeconds, region, endpoint];
  const key = JSON.stringify([baseKey(base), ...settings]);
  const roles = processState().assumedRoles;
  let provider = roles.get(key);
  if (provider)
    roles.delete(key); // moved to the most recently used end below
  else provider = create(options, base.provider);
  roles.set(key, provider);
  if (roles.size > MAX_ASSUMED_ROLES) roles.delete(roles.keys().next().value!);
  return provider;
}
