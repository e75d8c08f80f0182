import { SignatureV4 } from '@smithy/signature-v4';
import aws4 from 'aws4';
import { aws4Interceptor } from 'aws4-axios';
import { createSignedFetcher } from 'aws-sigv4-fetch';
import axios, { type AxiosAdapter } from 'axios';
import { createSigner } from 'aws-sigv4-interceptor';
import { CREDENTIALS, HOST, REGION, SERVICE } from '../fixtures';
import { NodeSha256 } from '../nodeHash';

/** Every candidate as a client that resolves credentials, for section 5's counts. */

const URL_ = `https://${HOST}/prod/items?limit=10`;
const SCOPE = { region: REGION, service: SERVICE };
export type Provider = () => Promise<typeof CREDENTIALS & { expiration?: Date }>;
/** Signs one request with a fresh client built on `provider` (undefined: the library's default). */
export type Factory = (provider?: Provider) => () => Promise<unknown>;

const adapter: AxiosAdapter = (config) =>
  Promise.resolve({ data: '', status: 200, statusText: 'OK', headers: {}, config });
const stubFetch = (() => Promise.resolve(new Response(null))) as typeof fetch;

export const FACTORIES: Record<string, Factory> = {
  'ours (createSigner; the axios and fetch adapters share it)': (provider) => {
    const signer = createSigner({ ...SCOPE, credentials: provider });
    return () => signer.sign({ method: 'GET', url: URL_ });
  },
  'aws4-axios (provider object)': (provider) => {
    const api = axios.create({ adapter });
    const credentials = provider && { getCredentials: provider };
    api.interceptors.request.use(aws4Interceptor({ instance: api, credentials, options: SCOPE }));
    return () => api.get(URL_);
  },
  'aws-sigv4-fetch': (provider) => {
    const signed = createSignedFetcher({ ...SCOPE, credentials: provider, fetch: stubFetch });
    return () => signed(URL_);
  },
  '@smithy/signature-v4 (one instance)': (provider) => {
    if (!provider) return () => Promise.reject(new Error('no default'));
    const signer = new SignatureV4({ ...SCOPE, credentials: provider, sha256: NodeSha256 });
    const request = {
      method: 'GET',
      protocol: 'https:',
      hostname: HOST,
      path: '/prod/items',
      headers: { host: HOST },
    };
    return () => signer.sign(request);
  },
  'aws4 (no provider: credentials argument, or env when omitted)': (provider) => {
    return async () =>
      aws4.sign(
        { host: HOST, path: '/prod/items?limit=10', ...SCOPE },
        provider && (await provider()),
      );
  },
};

/** Libraries that take no provider: whoever calls them resolves, so provider counts mean nothing. */
export const NO_PROVIDER = new Set([
  'aws4 (no provider: credentials argument, or env when omitted)',
]);
