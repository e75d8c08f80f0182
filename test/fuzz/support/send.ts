import axios, { type AxiosInstance } from 'axios';
import { fetch as undiciFetch } from 'undici';
import { attachSigV4, createSignedFetch } from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { axiosConfig, fetchArguments, type AxiosForm, type FetchForm } from './clients';
import { expectationOf } from './expectation';
import type { FuzzHarness } from './harness';
import { expectedPath } from './path';
import type { RequestSpec } from './request';

/** The signing options of every fuzz client: the local endpoint's scope and identity. */
export const SIGNING = {
  region: 'us-east-1',
  service: 'execute-api',
  credentials: TEST_CREDENTIALS,
};

export const PLAIN_AXIOS_FORM: AxiosForm = {
  url: 'absolute',
  query: 'in the URL',
  lowerCaseMethod: false,
  contentTypeName: 'Content-Type',
  split: 0,
};
export const PLAIN_FETCH_FORM: FetchForm = {
  input: 'string',
  headers: 'pairs',
  contentTypeName: 'Content-Type',
};

/** An axios instance (the installed axios, or 1.6.0 under its config) with attachSigV4. */
export function signedAxios(): AxiosInstance {
  const api = axios.create({ validateStatus: () => true });
  attachSigV4(api, SIGNING);
  return api;
}

/** Signed fetches over Node's global fetch and over the undici 7 package's. */
export const signedFetches = (): Array<[string, typeof fetch]> => [
  ['global fetch', createSignedFetch(SIGNING)],
  [
    'undici fetch',
    createSignedFetch({ ...SIGNING, fetch: undiciFetch as unknown as typeof fetch }),
  ],
];

export async function checkThroughAxios(
  h: FuzzHarness,
  api: AxiosInstance,
  spec: RequestSpec,
  form: AxiosForm = PLAIN_AXIOS_FORM,
): Promise<void> {
  const { config, query } = axiosConfig(spec, form, h.origin);
  await h.check(() => api.request(config), expectationOf(spec, 'axios', query));
}

export async function checkThroughFetch(
  h: FuzzHarness,
  signedFetch: typeof fetch,
  spec: RequestSpec,
  form: FetchForm = PLAIN_FETCH_FORM,
): Promise<void> {
  const send = async () => {
    const response = await signedFetch(...fetchArguments(spec, form, h.origin));
    await response.arrayBuffer();
  };
  await h.check(send, expectationOf(spec, 'fetch'));
}

/** A spec written by hand: `path` as written (its arrival is worked out), no query by default. */
export function requestSpec(
  fields: Partial<Omit<RequestSpec, 'path'>> & { path?: string },
): RequestSpec {
  const written = fields.path ?? '/';
  return {
    method: 'GET',
    query: { pairs: [], written: '' },
    headers: [],
    ...fields,
    path: { written, expected: expectedPath(written) },
  };
}
