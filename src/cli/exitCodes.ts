/**
 * The command line tool's exit codes, as scripts branch on them.
 * @internal
 */

/** The response's status is below 400. */
export const EXIT_OK = 0;
/** The server answered 400 or more, or the request could not be sent (connection refused, DNS). */
export const EXIT_REQUEST_FAILED = 1;
/** A bad flag or argument, or the request could not be signed (a `SigV4Error`). */
export const EXIT_USAGE = 2;

/** One of the exit codes above. @internal */
export type ExitCode = typeof EXIT_OK | typeof EXIT_REQUEST_FAILED | typeof EXIT_USAGE;
