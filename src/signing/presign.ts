import { checkOptionNames } from '../options/checkOptionNames';
import { invalidOption, SigV4OptionsError } from '../errors';
import { PRESIGN_ENTRY } from '../options/optionNames';
import { bodyProblem, headersProblem, methodProblem } from './requestChecks';
import { newSigner, signerInternals } from './signer';
import type { SigV4Options } from '../types';
import { decodedQuery, encodeQueryComponent, toWireUrl } from './wireUrl';

/** Options of {@link presign}: the shared ones but `hosts` (presign signs the URL it is given). */
export interface PresignOptions extends Omit<SigV4Options, 'hosts'> {
  /**
   * Seconds the URL stays valid, 1 to 604800 (7 days; temporary credentials end it sooner).
   * @default 900
   */
  readonly expiresIn?: number;
  /** The method the URL is for. @default 'GET' */
  readonly method?: string;
  /** Headers the holder of the URL must send with it; they are signed. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The body the holder of the URL will send: its SHA-256 is signed, as aws4, aws4fetch and
   * smithy's presign do, so the URL is good for that body only. S3 signs `UNSIGNED-PAYLOAD`
   * whatever the body.
   * @default no body (the hash of the empty body)
   */
  readonly body?: string | Uint8Array | ArrayBuffer;
}

const MAX_EXPIRES_IN = 604800;

/** The `expiresIn` option checked, or its default. @internal */
export function checkExpiresIn(value: unknown): number {
  if (value === undefined) return 900;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_EXPIRES_IN) {
    throw new SigV4OptionsError(
      'INVALID_OPTIONS',
      'Invalid option `expiresIn`',
      `pass a whole number of seconds from 1 to ${MAX_EXPIRES_IN} (default 900)`,
    );
  }
  return value as number;
}

function queryPart(name: string, value: string | readonly string[]): string {
  const values = typeof value === 'string' ? [value] : value;
  return values.map((v) => `${encodeQueryComponent(name)}=${encodeQueryComponent(v)}`).join('&');
}

/**
 * Signs a URL with query-string authentication (a presigned URL), through the same signer and
 * credential cache as every request: for an API Gateway WebSocket API's `$connect` with IAM
 * authorization, a link to share, or S3. Whoever holds the URL can use it until it expires.
 * @returns the URL with its `X-Amz-*` parameters
 * @example
 * const url = await presign('wss://abc123.execute-api.eu-west-1.amazonaws.com/prod', { expiresIn: 60 });
 * const socket = new WebSocket(url);
 */
export async function presign(url: string | URL, options: PresignOptions = {}): Promise<string> {
  checkOptionNames(options, PRESIGN_ENTRY);
  const { expiresIn, method = 'GET', headers, body, ...signerOptions } = options;
  const problem = methodProblem(method) ?? headersProblem(headers) ?? bodyProblem(body);
  if (problem) throw invalidOption(problem.part, `${problem.what}: ${problem.fix}`);
  const settings = { presign: { expiresIn: checkExpiresIn(expiresIn) } };
  const signer = newSigner(signerOptions);
  const internals = signerInternals(signer);
  const wire = internals.urlToSend(toWireUrl(url, method.toUpperCase()), method.toUpperCase());
  const { query } = await internals.sign({ method, url: wire, headers, body }, settings);
  return withPresignedQuery(wire, query);
}

/**
 * The wire URL followed by the parameters a presigned query adds to it (`X-Amz-*`), in the order
 * the signer gave them.
 * @internal
 */
export function withPresignedQuery(
  wire: URL,
  query: Readonly<Record<string, string | string[]>> | undefined,
): string {
  const own = decodedQuery(wire);
  const added = Object.entries(query ?? {}).filter(([name]) => !Object.hasOwn(own, name));
  const search = [wire.search.slice(1), ...added.map(([name, value]) => queryPart(name, value))];
  return `${wire.origin}${wire.pathname}?${search.filter(Boolean).join('&')}`;
}
