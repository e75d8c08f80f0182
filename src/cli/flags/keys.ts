import { UsageError } from './usageError';

/** The credential flags as parsed, in both spellings (ours and awscurl's). */
interface KeyFlags {
  readonly 'access-key'?: string;
  readonly access_key?: string;
  readonly 'secret-key'?: string;
  readonly secret_key?: string;
  readonly 'session-token'?: string;
  readonly session_token?: string;
  readonly security_token?: string;
  readonly profile?: string;
}

/**
 * `--access-key` + `--secret-key` (+ `--session-token`) as credentials, or undefined when none is
 * given. Messages name the flags, never their values: the secret key is one.
 * @throws {@link UsageError} for half a pair, an empty value, or keys beside `--profile`
 * @internal
 */
export function keysOf(
  flags: KeyFlags,
): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined {
  const accessKeyId = flags['access-key'] ?? flags.access_key;
  const secretAccessKey = flags['secret-key'] ?? flags.secret_key;
  const sessionToken = flags['session-token'] ?? flags.session_token ?? flags.security_token;
  if (accessKeyId === undefined && secretAccessKey === undefined && sessionToken === undefined) {
    return undefined;
  }
  if (!accessKeyId || !secretAccessKey) {
    throw new UsageError(
      '--access-key and --secret-key go together (--session-token too, for temporary credentials)',
    );
  }
  if (flags.profile !== undefined) {
    throw new UsageError('--profile and --access-key/--secret-key: give one source of credentials');
  }
  if (sessionToken === '') throw new UsageError("--session-token '': expected the session token");
  return { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) };
}
