import type { AwsCredentialProvider } from '../types';

/**
 * Why `--profile` gave no credentials, in words of our own: the SDK's message is not printed, as
 * it may quote a `credential_process` command line or its output.
 * @internal
 */
export class ProfileCredentialsError extends Error {
  override readonly name = 'ProfileCredentialsError';

  constructor(profile: string, cause: unknown) {
    super(
      `Could not resolve AWS credentials from --profile ${profile} (the shared config and ` +
        'credentials files: AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, by default ' +
        '~/.aws/config and ~/.aws/credentials) - check that the profile exists ' +
        `(aws configure list-profiles) and, for SSO, run aws sso login --profile ${profile}`,
      { cause },
    );
  }
}

/**
 * The credentials of one named profile, through the SDK's `fromIni` (static keys, `role_arn`
 * with `source_profile`, `credential_process`, SSO). Chosen over setting `AWS_PROFILE` for the
 * default chain because that chain reads `AWS_ACCESS_KEY_ID` first: exported keys would silently
 * win over the profile asked for. Here the profile always wins, as with the AWS CLI's
 * `--profile`, and nothing process-wide is changed. The SDK is loaded on first use.
 * @internal
 */
export function profileCredentials(profile: string): AwsCredentialProvider {
  let provider: Promise<AwsCredentialProvider> | undefined;
  return async () => {
    provider ??= import('@aws-sdk/credential-providers').then(({ fromIni }) =>
      fromIni({ profile }),
    );
    try {
      const fromProfile = await provider;
      return await fromProfile();
    } catch (cause) {
      throw new ProfileCredentialsError(profile, cause);
    }
  };
}
