/**
 * The options each entry point takes: ONE list per entry point, so that a new option is one name
 * added here (and its check in options.ts). Anything else is refused by name (checkOptionNames).
 */

/** Options of every entry point: how to sign and with which credentials. @internal */
const SHARED_OPTIONS = [
  'region',
  'service',
  'regionSet',
  'signingOrigin',
  'credentials',
  'assumeRole',
  'debug',
  'refreshMarginMs',
  'credentialsTimeoutMs',
] as const;

/** An entry point and the options it takes. @internal */
export interface EntryPoint {
  /** How messages name it. */
  readonly name: string;
  readonly options: readonly string[];
}

/** `createSigner`: the shared options and `hosts` (its `appliesTo`). @internal */
export const SIGNER_ENTRY: EntryPoint = {
  name: 'createSigner',
  options: [...SHARED_OPTIONS, 'hosts'],
};

/** `createAxiosInterceptor` and `attachSigV4`. @internal */
export const AXIOS_ENTRY: EntryPoint = {
  name: 'createAxiosInterceptor and attachSigV4',
  options: [...SHARED_OPTIONS, 'hosts'],
};

/** `createSignedFetch` and `installSignedFetch`: also the fetch that sends. @internal */
export const FETCH_ENTRY: EntryPoint = {
  name: 'createSignedFetch and installSignedFetch',
  options: [...SHARED_OPTIONS, 'hosts', 'fetch'],
};

/** `presign`: signs the URL it is given (no `hosts`), with what the URL's holder will send. @internal */
export const PRESIGN_ENTRY: EntryPoint = {
  name: 'presign',
  options: [...SHARED_OPTIONS, 'expiresIn', 'method', 'headers', 'body'],
};

const ENTRY_POINTS = [SIGNER_ENTRY, AXIOS_ENTRY, FETCH_ENTRY, PRESIGN_ENTRY];

/**
 * Options of other signing packages, with where the same need is met here (aws4's `signQuery`,
 * aws4fetch's `allHeaders`...).
 */
const FOREIGN_OPTIONS: Readonly<Record<string, string>> = {
  signQuery: 'for query-string authentication (a presigned URL) call presign(url, options)',
  accessKeyId: 'pass keys as `credentials: { accessKeyId, secretAccessKey, sessionToken? }`',
  secretAccessKey: 'pass keys as `credentials: { accessKeyId, secretAccessKey, sessionToken? }`',
  sessionToken: 'pass keys as `credentials: { accessKeyId, secretAccessKey, sessionToken? }`',
};

/** The entry points that take `option`, for "it applies to ..." @internal */
export const entryPointsTaking = (option: string): string[] =>
  ENTRY_POINTS.filter((entry) => entry.options.includes(option)).map((entry) => entry.name);

/** A fix for an option of another package, if it is one. @internal */
export const foreignOptionFix = (option: string): string | undefined =>
  Object.hasOwn(FOREIGN_OPTIONS, option) ? FOREIGN_OPTIONS[option] : undefined;
