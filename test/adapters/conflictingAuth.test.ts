import axios from 'axios';
import { attachSigV4, createSignedFetch, createSigner, isSigV4Error } from 'aws-sigv4-interceptor';
import { startLocalIamEndpoint, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { startedBeforeAll } from '../support/startedServers';

/**
 * Basic credentials would replace the SigV4 Authorization header inside the client (axios
 * deletes it when `auth` or URL userinfo is set), so such requests fail before they are sent.
 */
const options = { region: 'us-east-1', service: 'execute-api', credentials: TEST_CREDENTIALS };
const endpoint = startedBeforeAll(() => startLocalIamEndpoint());

const expectConflict = (error: unknown) => {
  expect(isSigV4Error(error)).toBe(true);
  expect(error).toMatchObject({ code: 'CONFLICTING_AUTH' });
  expect(String((error as Error).message)).not.toContain('hunter2');
};

test('axios `auth` option', async () => {
  const api = axios.create({ baseURL: endpoint.url });
  attachSigV4(api, options);
  const error = await api
    .get('/x', { auth: { username: 'u', password: 'hunter2' } })
    .catch((e) => e);
  expectConflict(error);
  expect(endpoint.requests).toHaveLength(0);
});

test('user:password@ in the URL (signer and axios)', async () => {
  const url = endpoint.url.replace('http://', 'http://u:hunter2@');
  expectConflict(
    await createSigner(options)
      .sign({ method: 'GET', url })
      .catch((e) => e),
  );
  const api = axios.create();
  attachSigV4(api, options);
  expectConflict(await api.get(`${url}/x`).catch((e) => e));
  expectConflict(await createSignedFetch(options)(`${url}/x`).catch((e) => e));
  expect(endpoint.requests).toHaveLength(0);
});
