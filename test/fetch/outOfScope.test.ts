/**
 * What the installed fetch does with requests it does not sign: hands them to the fetch it
 * replaced as they came, and gives back exactly what that fetch gives (Response, errors).
 */
import { installSignedFetch } from 'aws-sigv4-interceptor';
import { startRecordingServer } from 'aws-sigv4-interceptor/testing';
import { useGlobalFetchServers } from './support';

const servers = useGlobalFetchServers();

/** What a caller can see of a fetch failure: its class, message and cause. */
async function failureOf(call: Promise<Response>) {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  // Node's own TypeError, of another realm than jest's `Error`: compared by prototype below.
  const { name, message, cause } = error as Error & { cause?: Record<string, unknown> };
  const { code, errno, syscall, address, port } = cause ?? {};
  return {
    name,
    message,
    prototype: Object.getPrototypeOf(error),
    cause: cause && {
      name: cause.name,
      message: cause.message,
      code,
      errno,
      syscall,
      address,
      port,
    },
  };
}

test('each call reaches the fetch it replaced as it came, and its Response comes back as is', async () => {
  const calls: unknown[][] = [];
  const returned: Response[] = [];
  const spy = async (...args: Parameters<typeof fetch>) => {
    calls.push(args);
    returned.push(await servers.original(...args));
    return returned[returned.length - 1];
  };
  globalThis.fetch = spy;
  installSignedFetch(servers.signing());
  const url = `${servers.recorder.url}/a`;
  const init = { method: 'POST', body: 'x', headers: { 'x-one': '1' } };
  const request = new Request(url, { headers: { 'x-two': '2' } });

  const responses = [await fetch(url), await fetch(url, init), await fetch(request)];

  expect(calls).toEqual([[url], [url, init], [request]]);
  expect(calls[1][1]).toBe(init);
  expect(calls[2][0]).toBe(request);
  responses.forEach((response, i) => expect(response).toBe(returned[i]));
});

test('responses, in scope and out, are instances of the original fetch’s Response class', async () => {
  const ResponseOfOriginal = Object.getPrototypeOf(await servers.original(servers.recorder.url));
  installSignedFetch(servers.signing());

  const outOfScope = await fetch(`${servers.recorder.url}/b`);
  const inScope = await fetch(`${servers.endpoint.url}/prod/b`);

  expect(inScope.status).toBe(200);
  expect(Object.getPrototypeOf(outOfScope)).toBe(ResponseOfOriginal);
  expect(Object.getPrototypeOf(inScope)).toBe(ResponseOfOriginal);
});

test('connection refused: the same error as the original fetch', async () => {
  const closed = await startRecordingServer();
  await closed.close();
  const url = `${closed.url}/nobody-listens`;
  const expected = await failureOf(servers.original(url));
  installSignedFetch(servers.signing());

  const actual = await failureOf(fetch(url));

  expect(expected).toMatchObject({ name: 'TypeError', cause: { code: 'ECONNREFUSED' } });
  expect(actual).toEqual(expected);
});

test('a URL that cannot be parsed: the same error as the original fetch, not a signing error', async () => {
  const expected = await failureOf(servers.original('/relative/path'));
  installSignedFetch(servers.signing());

  const actual = await failureOf(fetch('/relative/path'));

  expect(expected).toMatchObject({ name: 'TypeError', message: expect.stringContaining('URL') });
  expect(actual).toEqual(expected);
});
