/**
 * What a signed fetch sends with: the `fetch` option, else the fetch that was global when it was
 * created (looked up at each call only where there was none).
 */
import { createSignedFetch, SigV4OptionsError } from 'aws-sigv4-interceptor';
import { useGlobalFetchServers } from './support';

const servers = useGlobalFetchServers();

/** A fetch that notes the URLs it is called with and sends them with the original fetch. */
function recordingFetch(): typeof fetch & { readonly urls: string[] } {
  const urls: string[] = [];
  const send = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return servers.original(input, init);
  };
  return Object.assign(send, { urls });
}

test('the fetch global at creation, not one that replaces it later (create it after MSW)', async () => {
  const signedFetch = createSignedFetch(servers.signing());
  const later = recordingFetch();
  globalThis.fetch = later;

  await signedFetch(`${servers.recorder.url}/out`);
  const signed = await signedFetch(`${servers.endpoint.url}/prod/in`);

  expect(signed.status).toBe(200);
  expect(later.urls).toEqual([]);
  expect(servers.recorder.requests).toHaveLength(1);
});

test('the `fetch` option sends both the signed requests and the others', async () => {
  const given = recordingFetch();
  const signedFetch = createSignedFetch(servers.signing({ fetch: given }));

  await signedFetch(`${servers.recorder.url}/out`);
  const signed = await signedFetch(`${servers.endpoint.url}/prod/in`);

  expect(signed.status).toBe(200);
  expect(given.urls).toEqual([`${servers.recorder.url}/out`, `${servers.endpoint.url}/prod/in`]);
});

test('a `fetch` option that is not a function: a SigV4OptionsError at creation', () => {
  const create = () => createSignedFetch(servers.signing({ fetch: 'undici' as never }));

  expect(create).toThrow(SigV4OptionsError);
  expect(create).toThrow(/Invalid option `fetch`/);
});

test('created where no global fetch exists: the global of each call, a typed error while none', async () => {
  Reflect.deleteProperty(globalThis, 'fetch');
  const signedFetch = createSignedFetch(servers.signing());

  const without = signedFetch(`${servers.endpoint.url}/prod/none`);
  await expect(without).rejects.toThrow(SigV4OptionsError);
  await expect(without).rejects.toThrow(/No fetch to send with/);
  const polyfill = recordingFetch();
  globalThis.fetch = polyfill;
  const signed = await signedFetch(`${servers.endpoint.url}/prod/polyfilled`);

  expect(signed.status).toBe(200);
  expect(polyfill.urls).toEqual([`${servers.endpoint.url}/prod/polyfilled`]);
});
