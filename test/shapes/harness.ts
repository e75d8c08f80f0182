/**
 * Shared setup of the "sign exactly what is sent" matrix: the local IAM endpoint (the independent
 * oracle: it verifies what it received and echoes it), a signed fetch and an axios instance with
 * attachSigV4, and the assertions every case makes on the echo.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import axios, { type AxiosInstance, type AxiosResponse, type CreateAxiosDefaults } from 'axios';
import {
  attachSigV4,
  createSignedFetch,
  type SignedFetchOptions,
  type SigV4Options,
} from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type RawRequest,
  type VerifiedEcho,
} from 'aws-sigv4-interceptor/testing';

/** The options every signed client of the matrix uses. */
export const SIGNING: SigV4Options = {
  region: 'us-east-1',
  service: 'execute-api',
  credentials: TEST_CREDENTIALS,
};

/** The signing headers; none of them may reach a host out of scope. */
export const SIGNING_HEADER_NAMES = ['authorization', 'x-amz-date', 'x-amz-security-token'];

export type Echo = VerifiedEcho;

export interface ShapesHarness {
  /** The running endpoint (started in beforeAll). */
  readonly endpoint: LocalIamEndpoint;
  /** A fetch signed with {@link SIGNING}, over the fetch given to useShapesHarness. */
  readonly signedFetch: typeof fetch;
  /** {@link SIGNING} plus the fetch given to useShapesHarness: for more signed fetches. */
  readonly fetchOptions: SignedFetchOptions;
  /** An axios instance with attachSigV4({@link SIGNING}); every status resolves. */
  readonly api: AxiosInstance;
  /** `http://127.0.0.1:PORT` + target. */
  url(target: string): string;
  /**
   * A fresh axios instance (every status resolves), with `beforeAttach` run on it before
   * attachSigV4 and `options` merged over {@link SIGNING}.
   */
  createApi(
    defaults?: CreateAxiosDefaults,
    beforeAttach?: (instance: AxiosInstance) => void,
    options?: SigV4Options,
  ): AxiosInstance;
}

const acceptEveryStatus = () => true;

/**
 * Registers beforeAll/afterAll for one test file (or describe block) and returns the harness
 * they fill. `fetchImplementation` is the fetch the signed fetches send with (default: global).
 */
export function useShapesHarness(fetchImplementation?: typeof fetch): ShapesHarness {
  const fetchOptions: SignedFetchOptions = {
    ...SIGNING,
    ...(fetchImplementation && { fetch: fetchImplementation }),
  };
  let started:
    { endpoint: LocalIamEndpoint; signedFetch: typeof fetch; api: AxiosInstance } | undefined;
  const need = () => {
    if (!started) throw new Error('the shapes harness is used before beforeAll started it');
    return started;
  };
  const createApi: ShapesHarness['createApi'] = (defaults, beforeAttach, options) => {
    const instance = axios.create({ validateStatus: acceptEveryStatus, ...defaults });
    beforeAttach?.(instance);
    attachSigV4(instance, { ...SIGNING, ...options });
    return instance;
  };
  beforeAll(async () => {
    const endpoint = await startLocalIamEndpoint({ region: 'us-east-1', service: 'execute-api' });
    started = { endpoint, signedFetch: createSignedFetch(fetchOptions), api: createApi() };
  });
  afterAll(async () => {
    await started?.endpoint.close();
  });
  return {
    get endpoint() {
      return need().endpoint;
    },
    get signedFetch() {
      return need().signedFetch;
    },
    get api() {
      return need().api;
    },
    fetchOptions,
    url: (target) => `${need().endpoint.url}${target}`,
    createApi,
  };
}

/** The echo of a verified request; anything but a 200 fails with the endpoint's message. */
export function verifiedEcho(status: number, body: unknown): Echo {
  if (status !== 200) {
    throw new Error(`the endpoint answered ${status}: ${JSON.stringify(body)}`);
  }
  expect(body).toMatchObject({ message: 'verified' });
  return body as Echo;
}

/** The echo of a fetch response. */
export async function fetchEcho(response: Response): Promise<Echo> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: reported as text by verifiedEcho
  }
  return verifiedEcho(response.status, body);
}

/** The echo of an axios response. */
export function axiosEcho(response: AxiosResponse): Echo {
  return verifiedEcho(response.status, response.data);
}

export const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** How a request must have arrived. Header names lower-case; values as the caller meant them. */
export interface Arrival {
  method: string;
  /** The path as the client sends it (what `new URL(...)` gives), still percent-encoded. */
  path: string;
  /** Decoded query pairs in order. @default [] */
  query?: Array<[string, string]>;
  /** Headers that must have arrived with exactly these values. */
  headers?: Record<string, string>;
  /** Header names that must be covered by the signature. */
  signed?: string[];
  /** The exact body bytes, or 'checked apart' (a multipart body). @default no body */
  body?: Uint8Array | 'checked apart';
}

/** Asserts that a verified request arrived as the caller meant it. */
export function expectArrived(echo: Echo, expected: Arrival): void {
  expect({ method: echo.method, path: echo.path, query: echo.query }).toEqual({
    method: expected.method,
    path: expected.path,
    query: expected.query ?? [],
  });
  if (expected.headers) expect(echo.headers).toMatchObject(expected.headers);
  if (expected.signed) expect(echo.signedHeaders).toEqual(expect.arrayContaining(expected.signed));
  if (expected.body !== 'checked apart') expectBody(echo, expected.body ?? new Uint8Array(0));
}

/** Asserts the exact body bytes: length and SHA-256, and base64 for bodies a diff can show. */
export function expectBody(echo: Echo, expected: Uint8Array): void {
  expect({ length: echo.bodyLength, sha256: echo.bodySha256 }).toEqual({
    length: expected.byteLength,
    sha256: sha256Hex(expected),
  });
  if (expected.byteLength <= 64 * 1024) {
    expect(echo.bodyBase64).toBe(Buffer.from(expected).toString('base64'));
  }
}

/** The last request the endpoint received with this method, and its verdict. */
export function lastReceived(
  endpoint: LocalIamEndpoint,
  method: string,
): LocalIamEndpoint['requests'][number] {
  const found = [...endpoint.requests].reverse().find(({ raw }) => raw.method === method);
  if (!found) throw new Error(`the endpoint received no ${method} request`);
  return found;
}

/** A multipart body that arrived: its boundary must be the one in the content type that arrived. */
export async function parseMultipart(echo: Echo): Promise<FormData> {
  const contentType = echo.headers['content-type'] ?? '';
  const boundary = /^multipart\/form-data;\s*boundary=(.+)$/i.exec(contentType)?.[1];
  expect(boundary).toBeDefined();
  const body = Buffer.from(echo.bodyBase64, 'base64');
  expect(body.toString('latin1')).toContain(`--${boundary}\r\n`);
  expect(body.toString('latin1')).toContain(`--${boundary}--`);
  return new Response(body, { headers: { 'content-type': contentType } }).formData();
}

/** A plain HTTP server that records what it receives and answers 204. */
export interface RecordingServer {
  readonly url: string;
  readonly received: RawRequest[];
  close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  const received: RawRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        rawUrl: req.url ?? '',
        rawHeaders: [...req.rawHeaders],
        body: new Uint8Array(Buffer.concat(chunks)),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Lower-cased header names of a raw request. */
export const headerNames = (raw: RawRequest): string[] =>
  raw.rawHeaders.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());

/** The first value of a header of a raw request. */
export function rawHeader(raw: RawRequest, name: string): string | undefined {
  const index = raw.rawHeaders.findIndex(
    (candidate, i) => i % 2 === 0 && candidate.toLowerCase() === name,
  );
  return index < 0 ? undefined : raw.rawHeaders[index + 1];
}

/** Resolves once the wall clock has entered a new second (x-amz-date has a 1 s resolution). */
export async function nextSecond(): Promise<void> {
  const wait = 1000 - (Date.now() % 1000) + 20;
  await new Promise((resolve) => setTimeout(resolve, wait));
}

/* ------------------------------------------------------------------------------------------ */
/* Tables shared by both clients. Expected values are written out, not computed by a client.  */
/* ------------------------------------------------------------------------------------------ */

export interface MethodCase {
  name: string;
  method: string;
  body?: string;
}

/** HEAD is tested apart: its response has no body to echo. */
export const METHOD_CASES: MethodCase[] = [
  { name: 'GET', method: 'GET' },
  { name: 'DELETE', method: 'DELETE' },
  { name: 'DELETE with a body', method: 'DELETE', body: 'delete this ✓' },
  { name: 'OPTIONS', method: 'OPTIONS' },
  { name: 'POST', method: 'POST', body: 'posted ✓' },
  { name: 'PUT', method: 'PUT', body: 'put é' },
  { name: 'PATCH', method: 'PATCH', body: 'patched 日本' },
];

export interface PathCase {
  name: string;
  /** What the caller writes after the origin. */
  target: string;
  /** The path as the client sends it: what `new URL(...)` gives. */
  path: string;
}

export const PATH_CASES: PathCase[] = [
  { name: 'spaces', target: '/with space/x y', path: '/with%20space/x%20y' },
  { name: 'é', target: '/caf\u00e9/cr\u00e8me', path: '/caf%C3%A9/cr%C3%A8me' },
  { name: '日本', target: '/日本/語', path: '/%E6%97%A5%E6%9C%AC/%E8%AA%9E' },
  { name: 'emoji', target: '/emoji/😀', path: '/emoji/%F0%9F%98%80' },
  { name: "reserved :@!$&'()*+,;=", target: "/r/:@!$&'()*+,;=/x", path: "/r/:@!$&'()*+,;=/x" },
  {
    name: 'pre-encoded %2F %20 %25',
    target: '/pre/a%2Fb/c%20d/e%25f',
    path: '/pre/a%2Fb/c%20d/e%25f',
  },
  { name: 'pre-encoded unicode', target: '/pre/caf%C3%A9', path: '/pre/caf%C3%A9' },
  { name: 'trailing slash', target: '/trailing/', path: '/trailing/' },
  { name: 'double slashes', target: '/double//slash', path: '/double//slash' },
  { name: 'double slash at the end', target: '/end//', path: '/end//' },
  { name: 'root', target: '/', path: '/' },
];

export interface QueryCase {
  name: string;
  /** The query as the caller writes it, with its `?`. */
  search: string;
  /** The decoded pairs in order; `+` in a query means a space, `%2B` a plus. */
  query: Array<[string, string]>;
}

export const QUERY_CASES: QueryCase[] = [
  {
    name: 'repeated keys',
    search: '?a=1&b=2&a=3&a=0',
    query: [
      ['a', '1'],
      ['b', '2'],
      ['a', '3'],
      ['a', '0'],
    ],
  },
  {
    name: 'empty values',
    search: '?a=&b=&c=3',
    query: [
      ['a', ''],
      ['b', ''],
      ['c', '3'],
    ],
  },
  {
    name: 'keys without =',
    search: '?flag&x=1&other',
    query: [
      ['flag', ''],
      ['x', '1'],
      ['other', ''],
    ],
  },
  {
    name: 'unicode',
    search: '?q=日本&é=😀&pre=caf%C3%A9',
    query: [
      ['q', '日本'],
      ['é', '😀'],
      ['pre', 'café'],
    ],
  },
  { name: '+ means a space', search: '?q=a+b+c', query: [['q', 'a b c']] },
  {
    name: '%2B is a literal plus',
    search: '?q=a%2Bb&r=%2b',
    query: [
      ['q', 'a+b'],
      ['r', '+'],
    ],
  },
  { name: '%20 is a space', search: '?q=a%20b', query: [['q', 'a b']] },
  {
    name: 'keys that sort differently encoded and raw',
    search: '?a~=1&a.=2&aB=3&a_=4&Ab=5&a-=6&a%7E=7',
    query: [
      ['a~', '1'],
      ['a.', '2'],
      ['aB', '3'],
      ['a_', '4'],
      ['Ab', '5'],
      ['a-', '6'],
      ['a~', '7'],
    ],
  },
  {
    name: '[] in keys',
    search: '?arr[]=1&arr[]=2&m[k]=v',
    query: [
      ['arr[]', '1'],
      ['arr[]', '2'],
      ['m[k]', 'v'],
    ],
  },
  {
    name: ': $ , raw',
    search: '?t=10:30&p=$5&l=a,b&k:$,=v',
    query: [
      ['t', '10:30'],
      ['p', '$5'],
      ['l', 'a,b'],
      ['k:$,', 'v'],
    ],
  },
  {
    name: '= & / ? encoded in values',
    search: '?eq=a%3Db%26c&s=x/y?z',
    query: [
      ['eq', 'a=b&c'],
      ['s', 'x/y?z'],
    ],
  },
  {
    name: "!'()* raw",
    search: "?x=!'()*&y=~",
    query: [
      ['x', "!'()*"],
      ['y', '~'],
    ],
  },
];

export interface BodyCase {
  name: string;
  /** A fresh body each call: streams can be read once. */
  make: () => unknown;
  /** The bytes that must arrive. */
  bytes: Uint8Array;
  /** The content type that must arrive (compared lower-case), when the body type dictates it. */
  contentType?: string;
  /** A stream body: fetch needs `duplex: 'half'`. */
  stream?: boolean;
}

const BINARY = Uint8Array.from([0, 1, 2, 0x7f, 0x80, 0xc3, 0x28, 0xfe, 0xff, 13, 10, 0x25]);
const SIXTEEN = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);

/** 5 MiB with a pattern that is not periodic on any power of two. */
export const FIVE_MB = Uint8Array.from(
  { length: 5 * 1024 * 1024 },
  (_, i) => (i * 31 + (i >> 11)) & 255,
);

/** Bodies both clients accept in the same form. */
export const BODY_CASES: BodyCase[] = [
  { name: 'empty string', make: () => '', bytes: new Uint8Array(0) },
  {
    name: 'string (UTF-8)',
    make: () => 'héllo wörld ✓ 日本 😀',
    bytes: utf8('héllo wörld ✓ 日本 😀'),
  },
  { name: 'Buffer', make: () => Buffer.from(BINARY), bytes: BINARY },
  {
    name: 'small pooled Buffer (a view into the shared pool)',
    make: () => Buffer.from('pooled bytes'),
    bytes: utf8('pooled bytes'),
  },
  { name: 'Uint8Array', make: () => Uint8Array.from(BINARY), bytes: BINARY },
  {
    name: 'Uint8Array subarray (only the viewed bytes)',
    make: () => Uint8Array.from(SIXTEEN).subarray(4, 10),
    bytes: SIXTEEN.slice(4, 10),
  },
  { name: 'ArrayBuffer', make: () => Uint8Array.from(BINARY).buffer, bytes: BINARY },
  {
    name: 'URLSearchParams',
    make: () =>
      new URLSearchParams([
        ['a', '1 2'],
        ['b', 'é&=+'],
        ['a', ''],
      ]),
    bytes: utf8('a=1+2&b=%C3%A9%26%3D%2B&a='),
    contentType: 'application/x-www-form-urlencoded;charset=utf-8',
  },
  {
    name: 'Blob',
    make: () => new Blob([BINARY], { type: 'application/x-test-blob' }),
    bytes: BINARY,
    contentType: 'application/x-test-blob',
  },
  {
    name: 'Node Readable',
    make: () => Readable.from([Buffer.from('part one, '), Buffer.from('part two ✓')]),
    bytes: utf8('part one, part two ✓'),
    stream: true,
  },
  {
    name: 'web ReadableStream',
    make: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(utf8('stream one, '));
          controller.enqueue(utf8('stream two é'));
          controller.close();
        },
      }),
    bytes: utf8('stream one, stream two é'),
    stream: true,
  },
  { name: '5 MB Buffer', make: () => Buffer.from(FIVE_MB), bytes: FIVE_MB },
];

/** A multipart form with a text field and a Blob file. */
export const FORM_FILE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 255, 13, 10, 45, 45]);

export function makeForm(): FormData {
  const form = new FormData();
  form.append('field', 'value é ✓');
  form.append('file', new Blob([FORM_FILE], { type: 'image/png' }), 'pic.png');
  return form;
}

/** Asserts the arrived multipart body holds the form of {@link makeForm}. */
export async function expectFormArrived(echo: Echo): Promise<void> {
  const form = await parseMultipart(echo);
  expect(form.get('field')).toBe('value é ✓');
  const file = form.get('file') as File;
  expect({ name: file.name, type: file.type }).toEqual({ name: 'pic.png', type: 'image/png' });
  expect(new Uint8Array(await file.arrayBuffer())).toEqual(FORM_FILE);
}

/**
 * An out-of-scope request arrived exactly as the plain client sends it: one POST, the raw URL
 * given, the caller's header, no signing header at all, the body bytes unchanged.
 */
export function expectArrivedUntouched(
  recorder: RecordingServer,
  rawUrl: string,
  body: string,
): void {
  expect(recorder.received).toHaveLength(1);
  const [raw] = recorder.received;
  expect(raw.method).toBe('POST');
  expect(raw.rawUrl).toBe(rawUrl);
  expect(headerNames(raw)).toContain('x-custom-thing');
  for (const name of SIGNING_HEADER_NAMES) expect(headerNames(raw)).not.toContain(name);
  expect(Buffer.from(raw.body).toString('base64')).toBe(Buffer.from(body).toString('base64'));
}

/** What a METHOD_CASES request (`/methods/x?m=1` with an `X-Case` header) must arrive as. */
export const methodCaseArrival = (method: string, body: string | undefined) => ({
  method,
  path: '/methods/x',
  query: [['m', '1']] as Array<[string, string]>,
  headers: { 'x-case': method },
  signed: ['host', 'x-case'],
  body: utf8(body ?? ''),
});
