import { exchange } from '../exchange';
import { checkOptionNames } from '../checkOptionNames';
import { AXIOS_ENTRY } from '../optionNames';
import { passUnsigned } from '../passUnsigned';
import { newSigner, signerInternals } from '../signer';
import type { Signer, SigV4Options } from '../types';
import { toWireUrl } from '../wireUrl';
import { axiosEnding } from './abort';
import { copyViewedBytes, draftFromConfig, forgetMergedUrlParts, isPartialView } from './draft';
import { loadAxios, type AxiosHelpers } from './loadAxios';
import { assertAxiosConfig, assertAxiosInstance } from './arguments';
import { axiosTransport } from './transport';
import type { AxiosInstanceLike, AxiosRequestConfigLike, AxiosRequestInterceptor } from './types';

/** Marks our adapter wrapper and remembers the adapter it wraps. */
const WRAPPED = Symbol('aws-sigv4-interceptor.wrapped-adapter');
type SigningAdapter = ((config: AxiosRequestConfigLike) => Promise<unknown>) & {
  [WRAPPED]: unknown;
};

/** A retry (axios-retry) brings back a config whose adapter is already our wrapper. */
const unwrap = (adapter: unknown): unknown =>
  typeof adapter === 'function' && WRAPPED in adapter
    ? (adapter as SigningAdapter)[WRAPPED]
    : adapter;

/** The URL axios will send to, as signed. */
const wireUrlOf = (axios: AxiosHelpers, config: AxiosRequestConfigLike): URL =>
  toWireUrl(axios.getUri(config), config.method?.toUpperCase());

const isInScope = async (signer: Signer, config: AxiosRequestConfigLike) =>
  signer.appliesTo(wireUrlOf(await loadAxios(), config));

/**
 * Signing happens in the adapter, the last step before bytes leave: by then every interceptor
 * (whatever its order) and the whole transformRequest chain have run, so what is signed is
 * what is sent. See DOMAIN.md §5.
 */
function signingAdapter(signer: Signer, original: unknown): SigningAdapter {
  const adapter = async (config: AxiosRequestConfigLike) => {
    const axios = await loadAxios();
    const url = wireUrlOf(axios, config);
    const send = axios.getAdapter(original ?? axios.defaults.adapter, config);
    if (!signer.appliesTo(url)) {
      return passUnsigned(signer, { method: config.method ?? 'get', url }, () => send(config));
    }
    const sent = signerInternals(signer).urlToSend(url, (config.method ?? 'get').toUpperCase());
    const transport = axiosTransport(config, send, axiosEnding(config, axios));
    return exchange(signer, draftFromConfig(config, sent), transport);
  };
  return Object.assign(adapter, { [WRAPPED]: original });
}

/**
 * Creates an axios request interceptor that signs every request to a host in scope with SigV4.
 * @example
 * const api = axios.create({ baseURL: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod' });
 * api.interceptors.request.use(createAxiosInterceptor());
 */
export function createAxiosInterceptor(options?: SigV4Options): AxiosRequestInterceptor {
  checkOptionNames(options, AXIOS_ENTRY);
  const signer = newSigner(options);
  return async (config) => {
    assertAxiosConfig(config);
    forgetMergedUrlParts(config);
    if (isPartialView(config.data) && (await isInScope(signer, config))) {
      config.data = copyViewedBytes(config.data);
    }
    config.adapter = signingAdapter(signer, unwrap(config.adapter));
    return config;
  };
}

/**
 * Registers a SigV4 interceptor on an axios instance (or axios itself) and returns a function
 * that removes it.
 * @example
 * const detach = attachSigV4(api, { region: 'eu-west-1', service: 'execute-api' });
 * detach(); // stop signing
 */
export function attachSigV4(instance: AxiosInstanceLike, options?: SigV4Options): () => void {
  assertAxiosInstance(instance);
  const id = instance.interceptors.request.use(createAxiosInterceptor(options));
  return () => instance.interceptors.request.eject(id);
}
