import { parseArgs } from 'node:util';
import { closestFlag } from './didYouMean';
import { FLAGS } from './flags';
import { keysOf } from './keys';
import { parseHeader } from './header';
import { UsageError } from './usageError';

/** One `-d` or `--data-binary` value, in command-line order. @internal */
export interface DataArgument {
  /** The literal data, or `@file` / `@-`. */
  readonly value: string;
  /** `--data-binary`: a file is sent byte for byte (`-d` removes its CR and LF, as curl). */
  readonly binary: boolean;
}

/** A command line that sends a request. @internal */
export interface RequestArgs {
  readonly url: string;
  readonly method: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly data: readonly DataArgument[];
  readonly region?: string;
  readonly service?: string;
  readonly profile?: string;
  /** `--access-key` and `--secret-key` (with `--session-token`), checked to come together. */
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  readonly signingOrigin?: string;
  readonly followRedirects: boolean;
  readonly insecure: boolean;
  readonly include: boolean;
  readonly silent: boolean;
  readonly verbose: boolean;
}

const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** node's own message, except for an unknown flag, whose message ends in an unbalanced quote. */
function parseFailure(error: Error & { code?: string }): UsageError {
  const unknown = /^Unknown option '(.+?)'/.exec(error.message);
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || !unknown)
    return new UsageError(error.message);
  const guess = closestFlag(unknown[1]);
  return new UsageError(
    `unknown option '${unknown[1]}'${guess ? ` (did you mean ${guess}?)` : ''}`,
  );
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, tokens: true });
  } catch (error) {
    // node's messages name the flag: "Option '-H, --header <value>' argument missing"
    throw parseFailure(error as Error);
  }
}

function urlOf(positionals: readonly string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? 'no URL given' : `one URL expected, got: ${positionals.join(' ')}`,
    );
  }
  const [url] = positionals;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new UsageError(`URL '${url}': expected an absolute http:// or https:// URL`);
  }
  return url;
}

function methodOf(given: string | undefined, hasData: boolean): string {
  const method = given ?? (hasData ? 'POST' : 'GET');
  if (!METHOD.test(method))
    throw new UsageError(`-X '${method}': expected a method such as GET or POST`);
  if (hasData && /^(GET|HEAD)$/i.test(method)) {
    throw new UsageError(`-X ${method} cannot send -d/--data-binary data: use -X POST or PUT`);
  }
  return method;
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value === '') throw new UsageError(`${flag} '': expected a name`);
  return value;
}

/** `--region https://...`: the URL taken as the flag's value, which would then read "no URL". */
function notUrl(flag: string, value: string | undefined, example: string): string | undefined {
  if (value !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new UsageError(
      `${flag} '${value}' is a URL: ${flag} takes a name such as ${example} (and the URL comes last)`,
    );
  }
  return value;
}

/**
 * Reads the command line (without `node` and the script): `'help'` for `--help`, `'version'`
 * for `--version`, else the request to send.
 * @throws {@link UsageError} naming the flag or argument at fault
 * @internal
 */
export function parseCliArgs(argv: readonly string[]): RequestArgs | 'help' | 'version' {
  const { values, positionals, tokens } = parse(argv);
  if (values.help) return 'help';
  if (values.version) return 'version';
  const data = tokens.flatMap((token) =>
    token.kind === 'option' && (token.name === 'data' || token.name === 'data-binary')
      ? [{ value: token.value ?? '', binary: token.name === 'data-binary' }]
      : [],
  );
  // Before the URL: `--region https://...` took the URL as its value, and would read "no URL".
  const region = notUrl('--region', values.region, 'eu-west-1');
  const service = notUrl('--service', values.service, 'execute-api');
  return {
    url: urlOf(positionals),
    method: methodOf(values.request, data.length > 0),
    headers: (values.header ?? []).map(parseHeader),
    data,
    region,
    service,
    profile: nonEmpty('--profile', values.profile),
    credentials: keysOf(values),
    signingOrigin: values['signing-origin'],
    followRedirects: values.location ?? false,
    insecure: values.insecure ?? false,
    include: values.include ?? false,
    silent: values.silent ?? false,
    verbose: values.verbose ?? false,
  };
}
