/**
 * A request out of the signer's scope is passed through untouched, but never silently: the debug
 * log says it went unsigned and why, and a 403 it gets is explained by that reason (fetch:
 * `diagnose(response)`; axios: `error.diagnosis`).
 */
import axios, { type AxiosError } from 'axios';
import {
  attachSigV4,
  createSignedFetch,
  diagnose,
  type Diagnosis,
  type SigV4Options,
} from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { freshEndpoint } from '../../support/freshEndpoint';

const endpoint = freshEndpoint({ region: 'us-east-1' });

/** Calls the endpoint through one client; resolves to its diagnosis and the debug lines. */
const CALLS: Record<
  string,
  (url: string, options: SigV4Options) => Promise<Diagnosis | undefined>
> = {
  fetch: async (url, options) => {
    const response = await createSignedFetch(options)(url);
    expect(response.status).toBe(403);
    return diagnose(response);
  },
  axios: async (url, options) => {
    const api = axios.create();
    attachSigV4(api, options);
    const error = (await api.get(url).catch((e: unknown) => e)) as AxiosError & {
      diagnosis?: Diagnosis;
    };
    expect(error.response?.status).toBe(403);
    return error.diagnosis;
  },
};

describe.each(Object.keys(CALLS))('%s', (client) => {
  test.each([
    ['no region or service, a host nothing can be inferred from', {}, /can be inferred/],
    [
      'a `hosts` list without the host',
      { hosts: ['api.example.com'] },
      /not in the `hosts` option/,
    ],
  ])('%s: a debug line and a diagnosis name the reason', async (_, scope, reason) => {
    const lines: Array<{ message: string; details?: Readonly<Record<string, unknown>> }> = [];
    const options: SigV4Options = {
      ...scope,
      credentials: TEST_CREDENTIALS,
      debug: { debug: (message, details) => lines.push({ message, details }) },
    };
    const diagnosis = await CALLS[client](`${endpoint.url}/prod/items?a=1`, options);
    expect(endpoint.requests[0].result).toMatchObject({
      errorType: 'MissingAuthenticationTokenException',
    });
    expect(lines).toEqual([
      {
        message: 'aws-sigv4-interceptor: not signed',
        details: {
          method: 'GET',
          url: `${endpoint.url}/prod/items?a=1`,
          reason: expect.stringMatching(reason),
        },
      },
    ]);
    expect(diagnosis).toMatchObject({
      kind: 'unsigned-or-no-route',
      cause: expect.stringMatching(/^The request was not signed: its host 127\.0\.0\.1/),
      fix: expect.stringMatching(/`region` and `service`.*`hosts`/),
    });
  });
});
