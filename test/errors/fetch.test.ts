/**
 * Bad requests through the real global fetch fail with a typed error BEFORE anything is sent:
 * a recording server on 127.0.0.1 counts what arrives and must see nothing.
 */
import { createSignedFetch, isSigV4Error } from 'aws-sigv4-interceptor';
import { failingNodeStream, failingWebStream, useRefusalChecks } from './refusedRequests';
import { caught, DISTINCT_CREDENTIALS, SIGNING } from './support';

const { recording, expectRefused } = useRefusalChecks();

describe('signed fetch: INVALID_URL', () => {
  test.each([
    { name: 'not a URL at all', input: 'not a url', init: undefined, method: 'GET' },
    {
      name: 'a relative path (Node has no base URL)',
      input: '/prod/items?x=1',
      init: undefined,
      method: 'GET',
    },
    {
      name: 'relative, with an explicit method',
      input: 'items',
      init: { method: 'POST', body: 'x' },
      method: 'POST',
    },
    {
      name: 'lower-case method is reported upper-case',
      input: 'items',
      init: { method: 'delete' },
      method: 'DELETE',
    },
  ])('$name', async ({ input, init, method }) => {
    const signedFetch = createSignedFetch(SIGNING);
    const error = await caught(() => signedFetch(input, init));
    expectRefused(error, { code: 'INVALID_URL', method, url: input });
    expect((error as Error).message).toMatch(/^Cannot sign a request with an invalid URL: /);
    expect((error as Error).message).toMatch(/absolute URL/);
  });
});

describe('signed fetch: UNKNOWN_SIGNING_SCOPE', () => {
  test.each([
    {
      name: 'hosts by name, neither region nor service',
      options: { hosts: ['127.0.0.1'] },
      missing: ['region', 'service'],
    },
    {
      name: 'a predicate matching every host',
      options: { hosts: [() => true] },
      missing: ['region', 'service'],
    },
    {
      name: 'only region given',
      options: { region: 'eu-west-1', hosts: [/^127\./] },
      missing: ['service'],
    },
    {
      name: 'only service given',
      options: { service: 'execute-api', hosts: ['127.0.0.1'] },
      missing: ['region'],
    },
  ])('$name: names $missing', async ({ options, missing }) => {
    const signedFetch = createSignedFetch({ credentials: DISTINCT_CREDENTIALS, ...options });
    const url = `${recording.server.url}/prod/items?limit=2`;
    const error = await caught(() => signedFetch(url, { method: 'PUT', body: '{"a":1}' }));
    expectRefused(error, { code: 'UNKNOWN_SIGNING_SCOPE', method: 'PUT', url });
    const { message } = error as Error;
    for (const name of ['region', 'service']) {
      if (missing.includes(name)) expect(message).toContain(`\`${name}\``);
      else expect(message).not.toContain(`\`${name}\``);
    }
    expect(message).toContain('127.0.0.1');
  });

  test('host:port matcher (the port of the recording server)', async () => {
    const signedFetch = createSignedFetch({
      credentials: DISTINCT_CREDENTIALS,
      hosts: [`127.0.0.1:${recording.server.port}`],
    });
    const url = `${recording.server.url}/x`;
    const error = await caught(() => signedFetch(url));
    expectRefused(error, { code: 'UNKNOWN_SIGNING_SCOPE', method: 'GET', url });
    expect((error as Error).message).toMatch(/`region` and `service`/);
  });
});

describe('signed fetch: UNREADABLE_BODY', () => {
  test('a web ReadableStream that errors', async () => {
    const url = `${recording.server.url}/upload`;
    const error = await caught(() =>
      createSignedFetch(SIGNING)(url, {
        method: 'POST',
        body: failingWebStream('disk read failed'),
        duplex: 'half',
      } as RequestInit),
    );
    expectRefused(error, { code: 'UNREADABLE_BODY', method: 'POST', url });
    expect((error as Error).message).toContain('disk read failed');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  test('a Node Readable that emits error', async () => {
    const url = `${recording.server.url}/upload`;
    const error = await caught(() =>
      createSignedFetch(SIGNING)(url, {
        method: 'PUT',
        body: failingNodeStream('socket hang up while reading upload') as unknown as BodyInit,
        duplex: 'half',
      } as RequestInit),
    );
    expectRefused(error, { code: 'UNREADABLE_BODY', method: 'PUT', url });
    expect((error as Error).message).toContain('socket hang up while reading upload');
  });
});

describe('signed fetch: INVALID_REQUEST (arguments plain fetch refuses too)', () => {
  test.each([
    {
      name: 'a stream body without duplex: "half"',
      init: () => ({ method: 'POST', body: failingWebStream('disk read failed') }),
      method: 'POST',
      reason: /duplex/,
    },
    {
      name: 'a body with GET',
      init: () => ({ method: 'GET', body: 'x' }),
      method: 'GET',
      reason: /GET\/HEAD/,
    },
  ])('$name', async ({ init, method, reason }) => {
    const url = `${recording.server.url}/upload`;
    const error = await caught(() => createSignedFetch(SIGNING)(url, init()));
    expectRefused(error, { code: 'INVALID_REQUEST', method, url });
    expect((error as Error).message).toMatch(reason);
  });
});

describe('isSigV4Error', () => {
  test('false for errors that are not ours, even look-alikes', () => {
    expect(isSigV4Error(new Error('boom'))).toBe(false);
    expect(isSigV4Error(new TypeError('Invalid URL'))).toBe(false);
    const namedOnly = Object.assign(new Error('x'), { name: 'SigV4RequestError' });
    expect(isSigV4Error(namedOnly)).toBe(false); // no code
    expect(isSigV4Error({ name: 'SigV4RequestError', code: 'INVALID_URL', message: 'x' })).toBe(
      false,
    ); // not an Error
    expect(isSigV4Error(undefined)).toBe(false);
    expect(isSigV4Error('SigV4Error')).toBe(false);
  });

  test('true for an error of another copy of the package (same name and a code)', () => {
    const foreign = Object.assign(new Error('x'), { name: 'SigV4CredentialsError', code: 'X' });
    expect(isSigV4Error(foreign)).toBe(true);
  });
});

describe('a request in scope that is fine does reach the server (the counter works)', () => {
  test('one signed request arrives, signed', async () => {
    const response = await createSignedFetch(SIGNING)(`${recording.server.url}/ok`);
    expect(response.status).toBe(204);
    expect(recording.added()).toBe(1);
    expect(recording.server.received.at(-1)?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAERRORTESTKEY0001\//,
    );
  });
});
