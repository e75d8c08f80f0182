import type { AwsCredentialIdentity } from '../types';

interface EnvironmentProcess {
  env?: Record<string, string | undefined>;
}

/**
 * The credentials in the environment, read as the AWS SDK's `fromEnv` reads them and skipped
 * when the SDK's chain would skip them (`AWS_PROFILE` set). In Lambda these are the execution
 * role's keys: the common case needs neither the SDK's chain nor any network call. Reached
 * through `globalThis`, so that runtimes without `process` (browsers) simply have none.
 * @internal
 */
export function environmentCredentials(): AwsCredentialIdentity | undefined {
  const env = (globalThis as { process?: EnvironmentProcess }).process?.env;
  const accessKeyId = env?.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env?.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey || env?.AWS_PROFILE) return undefined;
  const expiration = env?.AWS_CREDENTIAL_EXPIRATION;
  return {
    accessKeyId,
    secretAccessKey,
    ...(env?.AWS_SESSION_TOKEN && { sessionToken: env.AWS_SESSION_TOKEN }),
    ...(expiration && { expiration: new Date(expiration) }),
  };
}
