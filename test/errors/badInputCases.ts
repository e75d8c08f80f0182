/**
 * The bad inputs of test/errors/badInputs.test.ts: every public entry point, given what a caller
 * gets wrong. Each case names the error it must fail with (class and code, a phrase of the fix),
 * or the native client whose own error it must reproduce exactly.
 */
import axios from 'axios';
import {
  attachSigV4,
  createAxiosInterceptor,
  createSignedFetch,
  createSigner,
  formatDiagnosis,
  inferSigningScope,
  presign,
  SigV4OptionsError,
  SigV4RequestError,
  type SigV4Options,
} from 'aws-sigv4-interceptor';
import { DISTINCT_CREDENTIALS, SIGNING } from './support';

/** What a case runs against: the recording server's origin. */
export interface CaseContext {
  readonly url: string;
}

export interface BadInput {
  readonly name: string;
  readonly run: (context: CaseContext) => unknown;
  /** The typed error, or `native`: the same error the client throws without this package. */
  readonly expected:
    | { readonly type: typeof SigV4OptionsError | typeof SigV4RequestError; readonly code: string }
    | { readonly native: (context: CaseContext) => unknown };
  /** A phrase the message holds (the fix, the option named). */
  readonly says?: string | RegExp;
}

const { secretAccessKey, sessionToken } = DISTINCT_CREDENTIALS;
const OPTIONS = { type: SigV4OptionsError, code: 'INVALID_OPTIONS' } as const;
const REQUEST = { type: SigV4RequestError, code: 'INVALID_REQUEST' } as const;
const URL_ERROR = { type: SigV4RequestError, code: 'INVALID_URL' } as const;
const SCOPE = { type: SigV4RequestError, code: 'UNKNOWN_SIGNING_SCOPE' } as const;
const UNKNOWN_AWS_HOST = 'https://nosuchservice.us-east-1.amazonaws.com/prod/x';

const signer = (options: unknown) => createSigner(options as SigV4Options);
const signedFetch = (options: unknown = SIGNING) => createSignedFetch(options as SigV4Options);
const sign = (request: unknown) => createSigner(SIGNING).sign(request as never);
const signAt = (context: CaseContext, extra: Record<string, unknown>) =>
  sign({ method: 'POST', url: `${context.url}/prod/x`, ...extra });
const presignWith = (options: unknown, url = 'https://a.example.com/x') =>
  presign(url, { ...SIGNING, ...(options as object) });
const axiosAt = (context: CaseContext, options: SigV4Options = SIGNING) => {
  const api = axios.create({ baseURL: context.url });
  attachSigV4(api, options);
  return api;
};

/** Options given to the wrong entry point, or misspelt: refused by name. */
const OPTION_NAMES: BadInput[] = [
  {
    name: 'createSigner({ regoin })',
    run: () => signer({ regoin: 'eu-west-1' }),
    expected: OPTIONS,
    says: 'did you mean `region`?',
  },
  {
    name: 'createSigner({ allowedHosts })',
    run: () => signer({ allowedHosts: ['a.example.com'] }),
    expected: OPTIONS,
    says: 'did you mean `hosts`?',
  },
  {
    name: 'createSigner({ Region })',
    run: () => signer({ Region: 'eu-west-1' }),
    expected: OPTIONS,
    says: 'did you mean `region`?',
  },
  {
    name: 'createSignedFetch({ servcie })',
    run: () => signedFetch({ servcie: 'lambda' }),
    expected: OPTIONS,
    says: '`service`',
  },
  {
    name: 'createAxiosInterceptor({ refreshMargin })',
    run: () => createAxiosInterceptor({ refreshMargin: 5 } as SigV4Options),
    expected: OPTIONS,
    says: '`refreshMarginMs`',
  },
  {
    name: 'createSigner({ zzz }): no near name, the list',
    run: () => signer({ zzz: 1 }),
    expected: OPTIONS,
    says: 'the options are `region`',
  },
  {
    name: 'attachSigV4(api, { signQuery: true })',
    run: () => attachSigV4(axios.create(), { signQuery: true } as SigV4Options),
    expected: OPTIONS,
    says: 'presign(url, options)',
  },
  {
    name: 'attachSigV4(api, { fetch })',
    run: () => attachSigV4(axios.create(), { fetch } as SigV4Options),
    expected: OPTIONS,
    says: 'option of createSignedFetch',
  },
  {
    name: 'createAxiosInterceptor({ expiresIn })',
    run: () => createAxiosInterceptor({ expiresIn: 60 } as SigV4Options),
    expected: OPTIONS,
    says: 'option of presign',
  },
  {
    name: 'createSigner({ method })',
    run: () => signer({ method: 'POST' }),
    expected: OPTIONS,
    says: 'does not apply to createSigner',
  },
  {
    name: 'createSignedFetch({ body })',
    run: () => signedFetch({ body: 'x' }),
    expected: OPTIONS,
    says: 'option of presign',
  },
  {
    name: 'presign(url, { hosts })',
    run: () => presignWith({ hosts: ['a.example.com'] }),
    expected: OPTIONS,
    says: 'does not apply to presign',
  },
  {
    name: 'presign(url, { fetch })',
    run: () => presignWith({ fetch }),
    expected: OPTIONS,
    says: 'option of createSignedFetch',
  },
  {
    name: 'createSigner({ accessKeyId, secretAccessKey }): keys at the top level',
    run: () => signer({ accessKeyId: 'AKIAERRORTESTKEY0001', secretAccessKey, sessionToken }),
    expected: OPTIONS,
    says: 'credentials: {',
  },
];

/** Values of the wrong kind: refused by value. */
const OPTION_VALUES: BadInput[] = [
  {
    name: "hosts: ['https://api.example.com/']",
    run: () => signer({ hosts: ['https://api.example.com/'] }),
    expected: OPTIONS,
    says: "pass 'api.example.com'",
  },
  {
    name: "hosts: ['api.example.com/prod']",
    run: () => signer({ hosts: ['api.example.com/prod'] }),
    expected: OPTIONS,
    says: "pass 'api.example.com'",
  },
  {
    name: "hosts: ['wss://api.example.com:8443/socket']",
    run: () => signer({ hosts: ['wss://api.example.com:8443/socket'] }),
    expected: OPTIONS,
    says: "pass 'api.example.com:8443'",
  },
  {
    name: "hosts: ['*.example.com']",
    run: () => signer({ hosts: ['*.example.com'] }),
    expected: OPTIONS,
    says: 'RegExp',
  },
  {
    name: "hosts: ['']",
    run: () => signer({ hosts: [''] }),
    expected: OPTIONS,
    says: 'no host name',
  },
  {
    name: "createSignedFetch({ fetch: 'fetch' })",
    run: () => signedFetch({ fetch: 'fetch' }),
    expected: OPTIONS,
    says: 'pass a fetch function',
  },
  {
    name: 'createSignedFetch({ fetch: null })',
    run: () => signedFetch({ fetch: null }),
    expected: OPTIONS,
    says: 'it is null',
  },
  {
    name: 'createSignedFetch({ fetch: {} })',
    run: () => signedFetch({ fetch: {} }),
    expected: OPTIONS,
    says: 'it is an object',
  },
  {
    name: 'attachSigV4(null)',
    run: () => attachSigV4(null as never),
    expected: OPTIONS,
    says: 'axios.create()',
  },
  {
    name: 'attachSigV4(undefined)',
    run: () => attachSigV4(undefined as never),
    expected: OPTIONS,
    says: 'axios.create()',
  },
  {
    name: 'attachSigV4({})',
    run: () => attachSigV4({} as never),
    expected: OPTIONS,
    says: 'axios.create()',
  },
  {
    name: 'attachSigV4({ interceptors: {} })',
    run: () => attachSigV4({ interceptors: {} } as never),
    expected: OPTIONS,
    says: 'axios.create()',
  },
  { name: 'createSigner([])', run: () => signer([]), expected: OPTIONS, says: 'an options object' },
  {
    name: "createSigner('eu-west-1')",
    run: () => signer('eu-west-1'),
    expected: OPTIONS,
    says: 'an options object',
  },
  {
    name: 'presign(url, null)',
    run: () => presign('https://a.example.com/x', null as never),
    expected: OPTIONS,
    says: 'an options object',
  },
  {
    name: 'createSigner({ regionSet: "*" })',
    run: () => signer({ regionSet: '*' }),
    expected: OPTIONS,
    says: "['*']",
  },
  {
    name: 'createSigner({ signingOrigin: "api.example.com" })',
    run: () => signer({ signingOrigin: 'api.example.com' }),
    expected: OPTIONS,
    says: 'signingOrigin',
  },
  {
    name: "createSigner({ debug: 'yes' })",
    run: () => signer({ debug: 'yes' }),
    expected: OPTIONS,
    says: 'debug(message, details)',
  },
  {
    name: "createSigner({ credentials: 'AKID:secret' })",
    run: () => signer({ credentials: `AKIAERRORTESTKEY0001:${secretAccessKey}` }),
    expected: OPTIONS,
    says: 'credentials',
  },
  {
    name: 'presign(url, { method: 5 })',
    run: () => presignWith({ method: 5 }),
    expected: OPTIONS,
    says: 'Invalid option `method`',
  },
  {
    name: "presign(url, { method: 'G ET' })",
    run: () => presignWith({ method: 'G ET' }),
    expected: OPTIONS,
    says: 'no HTTP method',
  },
  {
    name: 'presign(url, { headers: { a: 5 } })',
    run: () => presignWith({ headers: { a: 5 } }),
    expected: OPTIONS,
    says: 'the value of `a` is a number',
  },
  {
    name: 'presign(url, { headers: new Headers() })',
    run: () => presignWith({ headers: new Headers({ a: 'b' }) }),
    expected: OPTIONS,
    says: 'Object.fromEntries(headers)',
  },
  {
    name: 'presign(url, { body: { a: 1 } })',
    run: () => presignWith({ body: { a: 1 } }),
    expected: OPTIONS,
    says: 'JSON.stringify',
  },
  {
    name: 'presign(url, { body: 42 })',
    run: () => presignWith({ body: 42 }),
    expected: OPTIONS,
    says: 'it is a number',
  },
  {
    name: "presign(url, { expiresIn: '60' })",
    run: () => presignWith({ expiresIn: '60' }),
    expected: OPTIONS,
    says: 'whole number of seconds',
  },
];

/** `signer.sign(request)` given what is not a request. */
const SIGN: BadInput[] = [
  {
    name: 'sign(undefined)',
    run: () => sign(undefined),
    expected: REQUEST,
    says: 'pass { method, url',
  },
  { name: 'sign(null)', run: () => sign(null), expected: REQUEST, says: 'it is null' },
  {
    name: "sign('GET https://...')",
    run: () => sign('GET https://a.example.com/'),
    expected: REQUEST,
    says: 'it is a string',
  },
  { name: 'sign({})', run: () => sign({}), expected: REQUEST, says: '`request.method`' },
  {
    name: 'sign({ url }) without a method',
    run: (c) => sign({ url: c.url }),
    expected: REQUEST,
    says: '`request.method`',
  },
  {
    name: 'sign({ method: 1 })',
    run: (c) => sign({ method: 1, url: c.url }),
    expected: REQUEST,
    says: 'it is a number',
  },
  {
    name: "sign({ method: '' })",
    run: (c) => sign({ method: '', url: c.url }),
    expected: REQUEST,
    says: 'no HTTP method',
  },
  {
    name: "sign({ method: 'G ET' })",
    run: (c) => sign({ method: 'G ET', url: c.url }),
    expected: REQUEST,
    says: 'no HTTP method',
  },
  {
    name: 'sign({ method }) without a URL',
    run: () => sign({ method: 'GET' }),
    expected: URL_ERROR,
    says: 'absolute URL',
  },
  {
    name: 'sign({ url: a relative path })',
    run: () => sign({ method: 'GET', url: '/prod/x' }),
    expected: URL_ERROR,
    says: 'absolute URL',
  },
  {
    name: 'headers a string',
    run: (c) => signAt(c, { headers: 'a: b' }),
    expected: REQUEST,
    says: 'they are a string',
  },
  {
    name: 'headers a Headers object',
    run: (c) => signAt(c, { headers: new Headers({ a: 'b' }) }),
    expected: REQUEST,
    says: 'an object (Headers)',
  },
  {
    name: 'headers a Map',
    run: (c) => signAt(c, { headers: new Map([['a', 'b']]) }),
    expected: REQUEST,
    says: 'an object (Map)',
  },
  {
    name: 'a header value null',
    run: (c) => signAt(c, { headers: { a: null } }),
    expected: REQUEST,
    says: 'the value of `a` is null',
  },
  {
    name: 'a header value a number',
    run: (c) => signAt(c, { headers: { 'x-count': 5 } }),
    expected: REQUEST,
    says: 'is a number',
  },
  {
    name: 'a header value a boolean',
    run: (c) => signAt(c, { headers: { 'x-flag': true } }),
    expected: REQUEST,
    says: 'is a boolean',
  },
  {
    name: 'a header array with a number',
    run: (c) => signAt(c, { headers: { a: ['x', 5] } }),
    expected: REQUEST,
    says: 'is a number',
  },
  {
    name: 'a header value an object',
    run: (c) => signAt(c, { headers: { a: {} } }),
    expected: REQUEST,
    says: 'is an object',
  },
  {
    name: 'a header value an empty array',
    run: (c) => signAt(c, { headers: { a: [] } }),
    expected: REQUEST,
    says: 'an empty array',
  },
  {
    name: 'a header name with a space',
    run: (c) => signAt(c, { headers: { 'x a': 'b' } }),
    expected: REQUEST,
    says: 'no header name',
  },
  {
    name: 'a header value with CRLF',
    run: (c) => signAt(c, { headers: { a: 'b\r\nx-injected: 1' } }),
    expected: REQUEST,
    says: 'line break',
  },
  {
    name: 'a body object',
    run: (c) => signAt(c, { body: { id: 1 } }),
    expected: REQUEST,
    says: 'JSON.stringify',
  },
  {
    name: 'a body number',
    run: (c) => signAt(c, { body: 42 }),
    expected: REQUEST,
    says: 'it is a number',
  },
  {
    name: 'a body ReadableStream',
    run: (c) => signAt(c, { body: new ReadableStream() }),
    expected: REQUEST,
    says: 'an object (ReadableStream)',
  },
  {
    name: 'a body Blob',
    run: (c) => signAt(c, { body: new Blob(['x']) }),
    expected: REQUEST,
    says: 'an object (Blob)',
  },
  {
    name: 'a body URLSearchParams',
    run: (c) => signAt(c, { body: new URLSearchParams('a=1') }),
    expected: REQUEST,
    says: 'URLSearchParams',
  },
  {
    name: 'a query parameter named __proto__',
    run: (c) => sign({ method: 'GET', url: `${c.url}/x?__proto__=1` }),
    expected: REQUEST,
    says: 'rename it',
  },
  {
    name: 'user:password@ in the URL',
    run: (c) => sign({ method: 'GET', url: c.url.replace('//', '//u:p@') }),
    expected: { type: SigV4RequestError, code: 'CONFLICTING_AUTH' },
    says: 'remove them',
  },
  {
    name: 'an AWS host whose prefix is unknown',
    run: () =>
      createSigner({ credentials: DISTINCT_CREDENTIALS }).sign({
        method: 'GET',
        url: UNKNOWN_AWS_HOST,
      }),
    expected: SCOPE,
    says: 'pass `region` and `service`',
  },
  {
    name: 'appliesTo(undefined)',
    run: () => createSigner(SIGNING).appliesTo(undefined as never),
    expected: URL_ERROR,
    says: 'absolute URL',
  },
  {
    name: 'inferSigningScope(undefined)',
    run: () => inferSigningScope(undefined as never),
    expected: URL_ERROR,
    says: 'new URL(url).hostname',
  },
  {
    name: 'inferSigningScope(42)',
    run: () => inferSigningScope(42 as never),
    expected: URL_ERROR,
    says: 'it is a number',
  },
  {
    name: 'formatDiagnosis(undefined)',
    run: () => formatDiagnosis(undefined as never),
    expected: REQUEST,
    says: 'resolves to undefined',
  },
  {
    name: "presign('not a url')",
    run: () => presign('not a url', SIGNING),
    expected: URL_ERROR,
    says: 'absolute URL',
  },
];

/** The clients: typed errors, or fetch's own where fetch itself refuses. */
const CLIENTS: BadInput[] = [
  {
    name: "signedFetch(null): fetch's own TypeError",
    run: () => signedFetch()(null as never),
    expected: { native: () => fetch(null as never) },
  },
  {
    name: "signedFetch(undefined): fetch's own TypeError",
    run: () => signedFetch()(undefined as never),
    expected: { native: () => fetch(undefined as never) },
  },
  {
    name: 'signedFetch with a Host header',
    run: (c) => signedFetch()(c.url, { headers: { Host: 'api.example.com' } }),
    expected: REQUEST,
    says: '`signingOrigin`',
  },
  {
    name: 'signedFetch(Request with a Host header)',
    run: (c) => signedFetch()(new Request(c.url, { headers: { host: 'api.example.com' } })),
    expected: REQUEST,
    says: 'x-apigw-api-id',
  },
  {
    name: "signedFetch with method 'bad method'",
    run: (c) => signedFetch()(c.url, { method: 'bad method' }),
    expected: REQUEST,
    says: 'no HTTP method',
  },
  {
    name: 'signedFetch with a body on GET',
    run: (c) => signedFetch()(c.url, { body: 'x' }),
    expected: REQUEST,
    says: 'GET/HEAD',
  },
  {
    name: 'signedFetch with headers 5',
    run: (c) => signedFetch()(c.url, { headers: 5 as never }),
    expected: REQUEST,
    says: 'plain fetch accepts',
  },
  {
    name: "signedFetch('relative')",
    run: () => signedFetch()('/prod/x'),
    expected: URL_ERROR,
    says: 'absolute URL',
  },
  {
    name: 'signedFetch to an AWS host whose prefix is unknown',
    run: () => createSignedFetch({ credentials: DISTINCT_CREDENTIALS })(UNKNOWN_AWS_HOST),
    expected: SCOPE,
    says: 'nosuchservice',
  },
  {
    name: 'interceptor(undefined)',
    run: () => createAxiosInterceptor(SIGNING)(undefined as never),
    expected: REQUEST,
    says: 'interceptors.request.use',
  },
  {
    name: 'interceptor(null)',
    run: () => createAxiosInterceptor(SIGNING)(null as never),
    expected: REQUEST,
    says: 'interceptors.request.use',
  },
  {
    name: 'axios to an AWS host whose prefix is unknown',
    run: (c) => axiosAt(c, { credentials: DISTINCT_CREDENTIALS }).get(UNKNOWN_AWS_HOST),
    expected: SCOPE,
    says: 'nosuchservice',
  },
  {
    name: 'axios with auth',
    run: (c) => axiosAt(c).get('/x', { auth: { username: 'u', password: 'p' } }),
    expected: { type: SigV4RequestError, code: 'CONFLICTING_AUTH' },
    says: 'axios `auth`',
  },
  {
    name: 'axios, a relative URL without baseURL',
    run: () => {
      const api = axios.create();
      attachSigV4(api, SIGNING);
      return api.get('/prod/x');
    },
    expected: URL_ERROR,
    says: 'absolute URL',
  },
];

export const BAD_INPUTS: readonly BadInput[] = [
  ...OPTION_NAMES,
  ...OPTION_VALUES,
  ...SIGN,
  ...CLIENTS,
];
