import { parseArgs } from 'node:util';
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
  readonly signingOrigin?: string;
  readonly followRedirects: boolean;
  readonly include: boolean;
  readonly verbose: boolean;
}

const OPTIONS = {
  request: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string', short: 'd', multiple: true },
  'data-binary': { type: 'string', multiple: true },
  region: { type: 'string' },
  service: { type: 'string' },
  profile: { type: 'string' },
  'signing-origin': { type: 'string' },
  location: { type: 'boolean', short: 'L' },
  include: { type: 'boolean', short: 'i' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, tokens: true });
  } catch (error) {
    // node's messages name the flag: "Unknown option '--foo'", "Option '-H, --header <value>' argument missing"
    throw new UsageError((error as Error).message);
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

/**
 * Reads the command line (without `node` and the script): `'help'` for `--help`, else the
 * request to send.
 * @throws {@link UsageError} naming the flag or argument at fault
 * @internal
 */
export function parseCliArgs(argv: readonly string[]): RequestArgs | 'help' {
  const { values, positionals, tokens } = parse(argv);
  if (values.help) return 'help';
  const data = tokens.flatMap((token) =>
    token.kind === 'option' && (token.name === 'data' || token.name === 'data-binary')
      ? [{ value: token.value ?? '', binary: token.name === 'data-binary' }]
      : [],
  );
  return {
    url: urlOf(positionals),
    method: methodOf(values.request, data.length > 0),
    headers: (values.header ?? []).map(parseHeader),
    data,
    region: values.region,
    service: values.service,
    profile: nonEmpty('--profile', values.profile),
    signingOrigin: values['signing-origin'],
    followRedirects: values.location ?? false,
    include: values.include ?? false,
    verbose: values.verbose ?? false,
  };
}
