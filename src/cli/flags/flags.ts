/**
 * The command line's flags, for node's parseArgs. awscurl's spellings of the credential flags
 * (`--access_key`, `--secret_key`, `--session_token`, `--security_token`) are accepted beside ours.
 * @internal
 */
export const FLAGS = {
  request: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string', short: 'd', multiple: true },
  'data-binary': { type: 'string', multiple: true },
  region: { type: 'string' },
  service: { type: 'string' },
  profile: { type: 'string' },
  'access-key': { type: 'string' },
  access_key: { type: 'string' },
  'secret-key': { type: 'string' },
  secret_key: { type: 'string' },
  'session-token': { type: 'string' },
  session_token: { type: 'string' },
  security_token: { type: 'string' },
  'signing-origin': { type: 'string' },
  location: { type: 'boolean', short: 'L' },
  insecure: { type: 'boolean', short: 'k' },
  include: { type: 'boolean', short: 'i' },
  silent: { type: 'boolean', short: 's' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Every spelling a user may type: `--name` and `-x`. @internal */
export const FLAG_SPELLINGS: readonly string[] = Object.entries(FLAGS).flatMap(([name, flag]) => [
  `--${name}`,
  ...('short' in flag ? [`-${flag.short}`] : []),
]);
