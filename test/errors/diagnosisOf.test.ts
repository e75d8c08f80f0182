/**
 * `diagnosisOf(error)`: the typed read of `error.diagnosis` on a real AxiosError of a refused
 * signed request, against the local endpoint; undefined for anything that carries none.
 */
import axios from 'axios';
import { attachSigV4, diagnosisOf } from 'aws-sigv4-interceptor';
import { startLocalIamEndpoint, type LocalIamEndpoint } from 'aws-sigv4-interceptor/testing';
import { caught } from './support';

let endpoint: LocalIamEndpoint;
beforeAll(async () => {
  endpoint = await startLocalIamEndpoint({
    routes: ['ANY /prod/{proxy+}'],
    authorize: ['GET /prod/items'],
  });
});
afterAll(() => endpoint.close());

test('an AxiosError of a refused request: the diagnosis it carries', async () => {
  const api = axios.create({ baseURL: `${endpoint.url}/prod` });
  attachSigV4(api, endpoint.signingOptions);
  const error = await caught(() => api.delete('/items'));
  expect(axios.isAxiosError(error)).toBe(true);
  const diagnosis = diagnosisOf(error);
  expect(diagnosis).toMatchObject({ kind: 'access-denied', status: 403 });
  expect(diagnosis).toBe((error as { diagnosis?: unknown }).diagnosis);
});

test.each([
  ['the AxiosError of an instance without the interceptor (an unsigned 403)', 'plain'],
  ['a value that is no object', 'value'],
  ['an object whose diagnosis field is not one', 'fake'],
])('undefined for %s', async (_, which) => {
  const input =
    which === 'plain'
      ? await caught(() => axios.get(`${endpoint.url}/elsewhere`))
      : which === 'value'
        ? 'diagnosis'
        : { diagnosis: { kind: 1 } };
  expect(diagnosisOf(input)).toBeUndefined();
});
