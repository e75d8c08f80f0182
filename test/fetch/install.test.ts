/**
 * installSignedFetch through the real global fetch: what it signs, that installing twice signs
 * once, and that restores in any order end with exactly the original fetch.
 */
import { createSignedFetch, installSignedFetch, SigV4OptionsError } from 'aws-sigv4-interceptor';
import { signingHeadersIn, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { eventLog, headerValues, useGlobalFetchServers } from './support';

const servers = useGlobalFetchServers();
const SIGNED = 'aws-sigv4-interceptor: signed';

/** The one request the endpoint received: verified, with exactly one Authorization header. */
function expectOneVerifiedSignature(): void {
  expect(servers.endpoint.requests).toHaveLength(1);
  const [{ raw, result }] = servers.endpoint.requests;
  expect(result).toMatchObject({ ok: true, accessKeyId: TEST_CREDENTIALS.accessKeyId });
  expect(headerValues(raw.rawHeaders, 'authorization')).toHaveLength(1);
}

test('installed: fetch(...) to the API is signed; to another origin it goes unsigned', async () => {
  installSignedFetch(servers.signing());

  const signed = await fetch(`${servers.endpoint.url}/prod/items?limit=2`);
  const other = await fetch(`${servers.recorder.url}/elsewhere`, { headers: { 'x-trace': '1' } });

  expect(signed.status).toBe(200);
  expect(await signed.json()).toMatchObject({ message: 'verified', path: '/prod/items' });
  expectOneVerifiedSignature();
  expect(await other.json()).toEqual({ message: 'recorded' });
  expect(signingHeadersIn(servers.recorder.requests[0])).toEqual([]);
  expect(servers.recorder.requests[0].headers['x-trace']).toBe('1');
});

test('installed twice: one signature, by the second; restored twice, the original again', async () => {
  const [first, second] = [eventLog(), eventLog()];
  const restoreFirst = installSignedFetch(servers.signing({ debug: first }));
  const restoreSecond = installSignedFetch(servers.signing({ debug: second }));

  expect((await fetch(`${servers.endpoint.url}/prod/once`)).status).toBe(200);

  expectOneVerifiedSignature();
  expect(first.events).toEqual([]);
  expect(second.events).toEqual([SIGNED]);
  restoreSecond();
  expect(globalThis.fetch).not.toBe(servers.original); // the first install is back in force
  restoreFirst();
  expect(globalThis.fetch).toBe(servers.original);
});

test('restored out of order: the first restore leaves the second install, the second restores the original', async () => {
  const [first, second] = [eventLog(), eventLog()];
  const restoreFirst = installSignedFetch(servers.signing({ debug: first }));
  const restoreSecond = installSignedFetch(servers.signing({ debug: second }));
  const installedSecond = globalThis.fetch;

  restoreFirst();
  expect(globalThis.fetch).toBe(installedSecond);
  expect((await fetch(`${servers.endpoint.url}/prod/still-signed`)).status).toBe(200);
  expect(second.events).toEqual([SIGNED]);
  restoreSecond(); // must not bring the first, already restored, back
  expect(globalThis.fetch).toBe(servers.original);
  await fetch(`${servers.endpoint.url}/prod/unsigned-now`);
  expect(servers.endpoint.requests.map(({ status }) => status)).toEqual([200, 403]);
  expect(first.events).toEqual([]);
});

test('a restore function runs once: called again later, it does not undo a newer install', () => {
  const restore = installSignedFetch(servers.signing());
  restore();
  installSignedFetch(servers.signing());
  const newer = globalThis.fetch;

  restore();

  expect(globalThis.fetch).toBe(newer);
});

test('a global fetch replaced by someone else since the install is left alone by restore', () => {
  const restore = installSignedFetch(servers.signing());
  const installed = globalThis.fetch;
  const replacement: typeof fetch = (input, init) => installed(input, init);
  globalThis.fetch = replacement;

  restore();

  expect(globalThis.fetch).toBe(replacement);
});

test('a createSignedFetch() made after an install sends with the original fetch: one signature', async () => {
  const [installed, created] = [eventLog(), eventLog()];
  installSignedFetch(servers.signing({ debug: installed }));
  const signedFetch = createSignedFetch(servers.signing({ debug: created }));

  expect((await signedFetch(`${servers.endpoint.url}/prod/direct`)).status).toBe(200);

  expectOneVerifiedSignature();
  expect([installed.events, created.events]).toEqual([[], [SIGNED]]);
});

test('two copies of the package (ESM and CommonJS builds) recognise each other: one signature', async () => {
  let copy: typeof import('aws-sigv4-interceptor') | undefined;
  await jest.isolateModulesAsync(async () => {
    copy = await import('aws-sigv4-interceptor');
  });
  expect(copy?.installSignedFetch).not.toBe(installSignedFetch); // really a second copy
  const [first, second] = [eventLog(), eventLog()];
  const restoreFirst = installSignedFetch(servers.signing({ debug: first }));
  const restoreSecond = copy!.installSignedFetch(servers.signing({ debug: second }));

  expect((await fetch(`${servers.endpoint.url}/prod/copies`)).status).toBe(200);

  expectOneVerifiedSignature();
  expect([first.events, second.events]).toEqual([[], [SIGNED]]);
  restoreFirst();
  restoreSecond();
  expect(globalThis.fetch).toBe(servers.original);
});

test('no global fetch to wrap: a SigV4OptionsError at once, the global untouched', () => {
  Reflect.deleteProperty(globalThis, 'fetch');

  expect(() => installSignedFetch(servers.signing())).toThrow(SigV4OptionsError);
  expect(() => installSignedFetch(servers.signing())).toThrow(/No global fetch to wrap/);
  expect(globalThis.fetch).toBeUndefined();
});
