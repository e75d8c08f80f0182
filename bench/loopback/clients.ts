import axios, { type AxiosInstance } from 'axios';
import { aws4Interceptor } from 'aws4-axios';
import { createSignedFetcher } from 'aws-sigv4-fetch';
import { AwsClient } from 'aws4fetch';
import { attachSigV4, createSignedFetch } from 'aws-sigv4-interceptor';
import { CREDENTIALS, REGION, SERVICE, type BenchRequest } from '../fixtures';

/** One HTTP client configuration: sends one request and reads the whole answer. */
export interface LoopbackClient {
  readonly name: string;
  readonly client: 'axios' | 'fetch';
  readonly signed: boolean;
  /** Sends the request to `origin` and resolves to the status once the body is read. */
  readonly send: (origin: string, request: BenchRequest) => Promise<number>;
}

const SCOPE = { region: REGION, service: SERVICE };

function axiosClient(
  name: string,
  signed: boolean,
  setup?: (i: AxiosInstance) => void,
): LoopbackClient {
  const instance = axios.create({ validateStatus: () => true, responseType: 'text' });
  setup?.(instance);
  return {
    name,
    client: 'axios',
    signed,
    send: async (origin, request) =>
      (
        await instance.request({
          url: origin + request.pathAndQuery,
          method: request.method,
          headers: { ...request.headers },
          data: request.body,
        })
      ).status,
  };
}

function fetchClient(
  name: string,
  signed: boolean,
  fetch: (url: string, init: RequestInit) => Promise<Response>,
): LoopbackClient {
  return {
    name,
    client: 'fetch',
    signed,
    send: async (origin, request) => {
      const response = await fetch(origin + request.pathAndQuery, {
        method: request.method,
        headers: request.headers,
        body: request.body as BodyInit | undefined,
      });
      await response.arrayBuffer();
      return response.status;
    },
  };
}

/** Every client, unsigned baselines first. */
export function loopbackClients(): LoopbackClient[] {
  const oursFetch = createSignedFetch({ ...SCOPE, credentials: CREDENTIALS });
  const peerFetch = createSignedFetcher({ ...SCOPE, credentials: CREDENTIALS });
  const client = new AwsClient({ ...CREDENTIALS, ...SCOPE });
  return [
    axiosClient('axios unsigned', false),
    axiosClient('axios + ours', true, (i) =>
      attachSigV4(i, { ...SCOPE, credentials: CREDENTIALS }),
    ),
    axiosClient('axios + aws4-axios', true, (i) => {
      i.interceptors.request.use(
        aws4Interceptor({ instance: i, credentials: CREDENTIALS, options: SCOPE }),
      );
    }),
    fetchClient('fetch unsigned', false, (url, init) => fetch(url, init)),
    fetchClient('fetch + ours', true, oursFetch),
    fetchClient('fetch + aws-sigv4-fetch', true, peerFetch),
    fetchClient('fetch + aws4fetch', true, (url, init) => client.fetch(url, init)),
  ];
}
