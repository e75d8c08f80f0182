import { SigV4OptionsError } from './errors';
import { loadSdkProviders } from './sdkProviders';
import type { AssumeRoleOptions, AwsCredentialProvider } from './types';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

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

/**
 * One provider per (base credentials, assume-role settings): signers created on every invocation
 * with the same settings share one cache entry, and so one AssumeRole call. The key holds the
 * settings only, no credential.
 */
const registry = new WeakMap<AwsCredentialProvider, Map<string, AwsCredentialProvider>>();

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
 * The provider for the `assumeRole` option: STS AssumeRole with `base` credentials (the default
 * chain unless `credentials` is given). Checks the settings first.
 * @internal
 */
export function assumeRoleProvider(
  options: AssumeRoleOptions,
  base: AwsCredentialProvider,
): AwsCredentialProvider {
  if (typeof options !== 'object' || options === null) {
    throw invalid('roleArn', "pass { roleArn: 'arn:aws:iam::123456789012:role/ApiCaller', ... }");
  }
  check(options);
  const { roleArn, sessionName, externalId, durationSeconds, region, endpoint } = options;
  const key = JSON.stringify([roleArn, sessionName, externalId, durationSeconds, region, endpoint]);
  let forBase = registry.get(base);
  if (!forBase) registry.set(base, (forBase = new Map()));
  let provider = forBase.get(key);
  if (!provider) forBase.set(key, (provider = create(options, base)));
  return provider;
}
