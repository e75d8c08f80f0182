/**
 * Invalid options fail at creation, synchronously, with a typed error naming the option, from
 * every entry point (createSigner, createSignedFetch, createAxiosInterceptor, attachSigV4), and
 * never echo a secret they were given.
 */
import axios from 'axios';
import {
  attachSigV4,
  createAxiosInterceptor,
  createSignedFetch,
  createSigner,
  isSigV4Error,
  SigV4Error,
  SigV4OptionsError,
  type SigV4Options,
} from 'aws-sigv4-interceptor';
import {
  caughtSync,
  DISTINCT_CREDENTIALS,
  leaksOf,
  startRecordingServer,
  type RecordingServer,
} from './support';

interface InvalidCase {
  name: string;
  options: unknown;
  option: string;
}

const { secretAccessKey, sessionToken } = DISTINCT_CREDENTIALS;

const INVALID: InvalidCase[] = [
  { name: 'region with spaces and capitals', options: { region: 'EU West' }, option: 'region' },
  { name: 'region with a trailing space', options: { region: 'eu-west-1 ' }, option: 'region' },
  { name: 'region not a string', options: { region: 1 }, option: 'region' },
  { name: 'empty service', options: { service: '' }, option: 'service' },
  { name: 'service with a dot', options: { service: 'execute-api.' }, option: 'service' },
  {
    name: 'credentials with an empty key id',
    options: { credentials: { accessKeyId: '' } },
    option: 'credentials',
  },
  {
    name: 'credentials with an empty key id, secret given (must not be echoed)',
    options: { credentials: { accessKeyId: '', secretAccessKey, sessionToken } },
    option: 'credentials',
  },
  {
    name: 'credentials without a secret, token given (must not be echoed)',
    options: { credentials: { accessKeyId: 'AKIAERRORTESTKEY0001', sessionToken } },
    option: 'credentials',
  },
  { name: 'credentials null', options: { credentials: null }, option: 'credentials' },
  {
    name: 'credentials a string',
    options: { credentials: secretAccessKey },
    option: 'credentials',
  },
  { name: 'hosts a string', options: { hosts: 'x' }, option: 'hosts' },
  { name: 'hosts with a number', options: { hosts: ['api.example.com', 42] }, option: 'hosts' },
  { name: 'negative refreshMarginMs', options: { refreshMarginMs: -1 }, option: 'refreshMarginMs' },
  {
    name: 'NaN refreshMarginMs',
    options: { refreshMarginMs: Number.NaN },
    option: 'refreshMarginMs',
  },
  {
    name: 'infinite refreshMarginMs',
    options: { refreshMarginMs: Number.POSITIVE_INFINITY },
    option: 'refreshMarginMs',
  },
  {
    name: 'refreshMarginMs as a string',
    options: { refreshMarginMs: '300000' },
    option: 'refreshMarginMs',
  },
  { name: 'options null', options: null, option: 'options' },
];

const FACTORIES: Array<{ name: string; create: (options: SigV4Options) => unknown }> = [
  { name: 'createSigner', create: (options) => createSigner(options) },
  { name: 'createSignedFetch', create: (options) => createSignedFetch(options) },
  { name: 'createAxiosInterceptor', create: (options) => createAxiosInterceptor(options) },
  { name: 'attachSigV4', create: (options) => attachSigV4(axios.create(), options) },
];

const CASES = FACTORIES.flatMap((factory) =>
  INVALID.map((invalid) => ({ ...invalid, factory: factory.name, create: factory.create })),
);

describe('invalid options throw SigV4OptionsError synchronously, at creation', () => {
  test.each(CASES)('$factory: $name', ({ options, option, create }) => {
    const error = caughtSync(() => create(options as SigV4Options));
    expect(error).toBeInstanceOf(SigV4OptionsError);
    expect(error).toBeInstanceOf(SigV4Error);
    expect(isSigV4Error(error)).toBe(true);
    expect(error).toMatchObject({ name: 'SigV4OptionsError', code: 'INVALID_OPTIONS' });
    // "<what failed> - <how to fix>": no request yet, so no method or URL
    const { message } = error as Error;
    expect(message).toMatch(new RegExp(`^Invalid option \`${option}\` - \\S.+`));
    expect(error).toMatchObject({ method: undefined, url: undefined });
    expect(leaksOf(error)).toEqual([]);
  });

  test('valid options of every kind are accepted (the table above is not rejecting everything)', () => {
    const options: SigV4Options = {
      region: 'eu-west-1',
      service: 'execute-api',
      credentials: DISTINCT_CREDENTIALS,
      hosts: ['api.example.com', /\.internal$/, (host) => host === 'localhost'],
      refreshMarginMs: 0,
    };
    for (const { create } of FACTORIES) expect(() => create(options)).not.toThrow();
    expect(() => createSigner()).not.toThrow();
    expect(() => createSigner({ credentials: async () => DISTINCT_CREDENTIALS })).not.toThrow();
  });
});

describe('a failed attachSigV4 leaves the axios instance as it was', () => {
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(() => server.close());

  test('the next request goes out unsigned, once', async () => {
    const instance = axios.create({ baseURL: server.url });
    expect(() => attachSigV4(instance, { region: 'EU West' })).toThrow(SigV4OptionsError);
    const response = await instance.get('/after-failed-attach');
    expect(response.status).toBe(204);
    expect(server.count()).toBe(1);
    expect(server.received[0].headers).not.toHaveProperty('authorization');
    expect(server.received[0].headers).not.toHaveProperty('x-amz-date');
  });
});
