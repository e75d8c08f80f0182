import { redactUrl } from './redact';
import { safeCause } from './safeCause';

/** What went wrong, as a stable code to branch on. */
export type SigV4ErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_URL'
  | 'UNKNOWN_SIGNING_SCOPE'
  | 'INVALID_REQUEST'
  | 'UNREADABLE_BODY'
  | 'CONFLICTING_AUTH'
  | 'NO_CREDENTIALS'
  | 'CREDENTIALS_TIMEOUT'
  | 'SIGV4A_UNAVAILABLE';

/** Where an error happened: the request being signed, if there was one. */
export interface SigV4ErrorContext {
  /** The request's method. */
  readonly method?: string;
  /** The request's URL (secrets masked before it is stored). */
  readonly url?: string | URL;
  /** The underlying error. */
  readonly cause?: unknown;
}

/**
 * The base of every error this package throws, raised before anything is sent. Its message reads
 * `<what failed>: <METHOD> <URL> - <how to fix>` and never contains a secret; its `cause` is a copy
 * of the underlying error with only its name, message, stack, code and HTTP status.
 */
export class SigV4Error extends Error {
  /** The class's name: `'SigV4Error'` here, each subclass's own name in a subclass. */
  override readonly name: string = 'SigV4Error';
  /** A stable code for what went wrong. */
  readonly code: SigV4ErrorCode;
  /** The method of the request, when a request was being signed. */
  readonly method?: string;
  /** The URL of the request with any secret masked, when a request was being signed. */
  readonly url?: string;

  constructor(code: SigV4ErrorCode, what: string, fix: string, context: SigV4ErrorContext = {}) {
    const url = context.url === undefined ? undefined : redactUrl(context.url);
    const where =
      context.method || url ? `: ${[context.method, url].filter(Boolean).join(' ')}` : '';
    super(
      `${what}${where} - ${fix}`,
      context.cause === undefined ? undefined : { cause: safeCause(context.cause) },
    );
    this.code = code;
    this.method = context.method;
    this.url = url;
  }
}

/** An option given to `createSigner`, `createSignedFetch` or the axios interceptor is invalid. */
export class SigV4OptionsError extends SigV4Error {
  /** Always `'SigV4OptionsError'`. */
  override readonly name = 'SigV4OptionsError';
}

/** The error of an option whose value is wrong: "Invalid option `name` - fix". @internal */
export const invalidOption = (option: string, fix: string): SigV4OptionsError =>
  new SigV4OptionsError('INVALID_OPTIONS', `Invalid option \`${option}\``, fix);

/** A request cannot be signed as it is: invalid URL, unknown region/service, unreadable body. */
export class SigV4RequestError extends SigV4Error {
  /** Always `'SigV4RequestError'`. */
  override readonly name = 'SigV4RequestError';
}

/**
 * The request also carries HTTP Basic credentials (axios `auth`, `user:password@` in the URL):
 * the client would replace the SigV4 Authorization header with them.
 * @internal
 */
export const conflictingAuthError = (source: string, context: SigV4ErrorContext) =>
  new SigV4RequestError(
    'CONFLICTING_AUTH',
    `Cannot sign a request that also carries Basic credentials (${source})`,
    'remove them: SigV4 uses the Authorization header itself',
    context,
  );

/** Throws when a URL to sign carries `user:password@`. @internal */
export function assertNoUserinfo(url: URL, method: string): void {
  if (url.username || url.password) {
    throw conflictingAuthError('user:password@ in the URL', { method, url });
  }
}

/**
 * No usable credentials could be resolved (`NO_CREDENTIALS`), or not within `credentialsTimeoutMs`
 * (`CREDENTIALS_TIMEOUT`); the message names the sources tried.
 */
export class SigV4CredentialsError extends SigV4Error {
  /** Always `'SigV4CredentialsError'`. */
  override readonly name = 'SigV4CredentialsError';
}

/** Whether `error` was thrown by this package (checked by name too, so it survives duplicate installs). */
export function isSigV4Error(error: unknown): error is SigV4Error {
  return (
    error instanceof SigV4Error ||
    (error instanceof Error &&
      /^SigV4(Options|Request|Credentials)?Error$/.test(error.name) &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}

/**
 * Throws for a query parameter named `__proto__`: @smithy/signature-v4 collects the query in a
 * plain object, where that name is lost (it would sign `[object Object]` in its place), so the
 * request could only be refused by the server.
 * @internal
 */
export function assertSignableQuery(url: URL, method: string): void {
  // A wire URL's query is canonical, where that name can only be written as is: a glance at the
  // text spares parsing it for every request.
  if (!url.search.includes('__proto__') || !url.searchParams.has('__proto__')) return;
  throw new SigV4RequestError(
    'INVALID_REQUEST',
    'Cannot sign a query parameter named __proto__ (the signer loses that name)',
    'rename it',
    { method, url },
  );
}
