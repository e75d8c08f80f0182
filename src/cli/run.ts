import { diagnose } from '../diagnosis/diagnose';
import { formatDiagnosis } from '../diagnosis/format';
import { createSignedFetch } from '../fetch/signedFetch';
import { parseCliArgs, type RequestArgs } from './flags/args';
import { readRequestBody } from './flags/data';
import { EXIT_OK, EXIT_REQUEST_FAILED, type ExitCode } from './exitCodes';
import { describeFailure } from './failureMessage';
import { withFlagNames } from './flags/flagNames';
import type { CliIo } from './io';
import { insecureFetch } from './insecureFetch';
import { headerLines, statusLine, writeBody } from './output';
import { profileCredentials } from './profileCredentials';
import { USAGE, VERSION } from './flags/usage';
import { createVerboseLogger } from './verboseLogger';

const PROGRAM = 'aws-sigv4-interceptor';

/** After a 4xx without -v: where the explanation is. */
const HINT = 'hint: add -v to see what was signed and why the server refused it\n';

/** A body given with data flags is a form unless a header says otherwise, as with curl. */
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

function requestHeaders(args: RequestArgs, hasBody: boolean): Headers {
  const headers = new Headers();
  for (const [name, value] of args.headers) headers.append(name, value);
  if (hasBody && !headers.has('content-type')) headers.set('content-type', FORM_CONTENT_TYPE);
  return headers;
}

/**
 * The signed fetch for this command line: the library's one signer, credentials from the
 * default chain, `--profile` or `--access-key`/`--secret-key`, `-k` sending through a fetch that
 * accepts any certificate, and only the URL's own host in scope, so that a redirect (`-L`)
 * to another host is followed unsigned and a host whose region/service cannot be inferred fails
 * with UNKNOWN_SIGNING_SCOPE instead of going out unsigned.
 */
function signedFetchFor(args: RequestArgs, io: CliIo): typeof fetch {
  return createSignedFetch({
    region: args.region,
    service: args.service,
    signingOrigin: args.signingOrigin,
    credentials: args.profile === undefined ? args.credentials : profileCredentials(args.profile),
    hosts: [new URL(args.url).host],
    fetch: args.insecure ? insecureFetch : undefined,
    debug: args.verbose ? createVerboseLogger(io.stderr) : undefined,
  });
}

async function send(args: RequestArgs, io: CliIo): Promise<ExitCode> {
  const body = await readRequestBody(args.data, io.stdin);
  const response = await signedFetchFor(args, io)(args.url, {
    method: args.method,
    headers: requestHeaders(args, body !== undefined),
    body,
    redirect: args.followRedirects ? 'follow' : 'manual',
  });
  if (!args.silent) io.stderr.write(`${statusLine(response)}\n`);
  if (args.include) io.stderr.write(headerLines(response));
  const failed = response.status >= 400;
  if (response.status < 500 && failed && !args.verbose && !args.silent) io.stderr.write(HINT);
  if (failed && args.verbose) {
    const diagnosis = await diagnose(response); // reads a clone: the body is still ours to print
    if (diagnosis) io.stderr.write(`* diagnosis:\n${withFlagNames(formatDiagnosis(diagnosis))}\n`);
  }
  await writeBody(response, io.stdout);
  return failed ? EXIT_REQUEST_FAILED : EXIT_OK;
}

/**
 * Runs the command line tool once: parses `argv` (without `node` and the script), sends the
 * signed request and prints the response (body to stdout, status line and any details to
 * stderr). Never throws: every failure is printed to stderr and turned into an exit code.
 * @returns 0 for a status below 400, 1 for 400 and above or no response, 2 for a usage error or
 * a request that could not be signed
 * @internal
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    const args = parseCliArgs(argv);
    if (args === 'help' || args === 'version') {
      io.stdout.write(args === 'help' ? USAGE : `${PROGRAM} ${VERSION}\n`);
      return EXIT_OK;
    }
    return await send(args, io);
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    io.stderr.write(`${PROGRAM}: ${message}\n`);
    return exitCode;
  }
}
