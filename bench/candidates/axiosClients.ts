import axios, { AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';
import { aws4Interceptor } from 'aws4-axios';
import { attachSigV4 } from 'aws-sigv4-interceptor';
import { CREDENTIALS, HOST, REGION, SERVICE, type BenchRequest } from '../fixtures';
import { rawRequest, type Contender } from './contender';

/**
 * axios instances whose adapter sends nothing: every interceptor, transformRequest and (for
 * ours) the signing adapter runs, then the request stops where the network would start.
 */

/**
 * An adapter that answers 200 at once and keeps the first config it was given (the verified
 * call), with its headers as sent: ours masks the signature in the config once answered.
 */
function recordingAdapter() {
  let first: InternalAxiosRequestConfig | undefined;
  const adapter: AxiosAdapter = (config) => {
    first ??= { ...config, headers: new AxiosHeaders(config.headers) };
    return Promise.resolve({ data: '', status: 200, statusText: 'OK', headers: {}, config });
  };
  return { adapter, first: () => first! };
}

async function sentOf(config: InternalAxiosRequestConfig) {
  const url = new URL(axios.getUri(config));
  const headers = new Headers();
  for (const [name, value] of Object.entries(config.headers.toJSON() as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== false) headers.set(name, String(value));
  }
  headers.set('host', url.host);
  const data = config.data as string | Uint8Array | ArrayBuffer | undefined;
  return rawRequest(
    config.method!.toUpperCase(),
    url.pathname + url.search,
    headers.entries(),
    data,
  );
}

/** The axios candidates: plain axios first as the baseline. */
export function axiosContenders(request: BenchRequest): Contender[] {
  const config = {
    url: `https://${HOST}${request.pathAndQuery}`,
    method: request.method,
    headers: { ...request.headers },
    data: request.body,
  };
  const plain = recordingAdapter();
  const plainInstance = axios.create({ adapter: plain.adapter });
  const ours = recordingAdapter();
  const oursInstance = axios.create({ adapter: ours.adapter });
  attachSigV4(oursInstance, { region: REGION, service: SERVICE, credentials: CREDENTIALS });
  const peer = recordingAdapter();
  const peerInstance = axios.create({ adapter: peer.adapter });
  const options = { region: REGION, service: SERVICE };
  peerInstance.interceptors.request.use(
    aws4Interceptor({ instance: peerInstance, credentials: CREDENTIALS, options }),
  );
  // aws4-axios's interceptor alone, on a config as axios hands it over (headers flattened).
  const interceptor = aws4Interceptor({
    instance: plainInstance,
    credentials: CREDENTIALS,
    options,
  });
  const internalConfig = (): InternalAxiosRequestConfig => ({
    ...plainInstance.defaults,
    ...config,
    method: request.method.toLowerCase(),
    headers: new AxiosHeaders(config.headers),
  });
  let direct: InternalAxiosRequestConfig | undefined;
  return [
    {
      name: 'unsigned: axios',
      level: 'axios',
      baseline: true,
      run: () => plainInstance.request(config),
    },
    {
      name: 'ours: attachSigV4 (interceptor + signing adapter)',
      level: 'axios',
      run: () => oursInstance.request(config),
      lastSent: () => sentOf(ours.first()),
    },
    {
      name: 'aws4-axios (interceptor, through axios)',
      level: 'axios',
      run: () => peerInstance.request(config),
      lastSent: () => sentOf(peer.first()),
    },
    {
      name: 'aws4-axios interceptor fn alone (no axios)',
      level: 'axios',
      run: () => interceptor(internalConfig()).then((signed) => (direct = signed)),
      lastSent: () =>
        sentOf({
          ...direct!,
          data: direct!.transformRequest ? transformed(direct!) : direct!.data,
        }),
    },
  ];
}

/** The body axios would send for a config (the first transformRequest, as aws4-axios hashes). */
function transformed(config: InternalAxiosRequestConfig): unknown {
  const transforms = [config.transformRequest ?? []].flat();
  return transforms.reduce(
    (data, transform) => transform!.call(config, data, config.headers),
    config.data,
  );
}
