import { isSigV4Error } from '../errors';
import { withFlagNames } from './flags/flagNames';
import { ProfileCredentialsError } from './profileCredentials';
import { UsageError } from './flags/usageError';
import { EXIT_REQUEST_FAILED, EXIT_USAGE, type ExitCode } from './exitCodes';

function causeDetail(error: Error): string {
  const cause = error.cause as NodeJS.ErrnoException | undefined;
  return cause?.message ? ` (${cause.message})` : '';
}

/**
 * What the tool prints for a failure, and its exit code. A usage error and a `SigV4Error` (the
 * request could not be signed: unknown region/service, no credentials) exit 2 with their
 * message, which holds no secret (for `--profile`, ours, naming the profile); anything else (fetch
 * could not connect) exits 1 with its message and that of its cause.
 * @internal
 */
export function describeFailure(error: unknown): { message: string; exitCode: ExitCode } {
  if (error instanceof UsageError) {
    return { message: `${error.message}\nTry --help.`, exitCode: EXIT_USAGE };
  }
  if (isSigV4Error(error)) {
    // The library's message names its `credentials` option, which a user of --profile never saw.
    const shown = error.cause instanceof ProfileCredentialsError ? error.cause : error;
    return { message: withFlagNames(shown.message), exitCode: EXIT_USAGE };
  }
  const failure = error instanceof Error ? error : new Error(String(error));
  return {
    message: `request failed: ${failure.message}${causeDetail(failure)}`,
    exitCode: EXIT_REQUEST_FAILED,
  };
}
