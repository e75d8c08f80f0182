#!/usr/bin/env node
/**
 * The `aws-sigv4-interceptor` bin: a curl-like client that signs one request with the library's
 * signer. The only file that touches the process; the exit code is set rather than forced so
 * that stdout is flushed first.
 * @packageDocumentation
 */
import { EXIT_REQUEST_FAILED } from './exitCodes';
import { runCli } from './run';

// A reader that stops early (`| head`) closes the pipe: stop quietly, as curl's write error does.
process.stdout.on('error', () => process.exit(EXIT_REQUEST_FAILED));

void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // Looked up only when `@-` is read: touching process.stdin opens it.
  get stdin() {
    return process.stdin;
  },
}).then((exitCode) => {
  process.exitCode = exitCode;
});
