/**
 * A command line that cannot be run as written. Its message names the flag or argument at fault
 * and says what it takes; it goes to stderr with exit code 2.
 * @internal
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
