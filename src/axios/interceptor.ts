import { exchange } from '../exchange/exchange';
import { checkOptionNames } from '../options/checkOptionNames';
import { AXIOS_ENTRY } from '../options/optionNames';
import { routeRequest } from '../exchange/route';
import { newSigner } from '../signing/signer';
import type { Signer, SigV4Options } from '../types';
import { toWireUrl } from '../signing/wireUrl';
import { axiosEnding } from './abort';
import { copyViewedBytes, draftFromConfig, forgetMergedUrlParts, isPartialView } from './draft';
import { axiosHelpers, helpersOf, isAxiosModule, type AxiosHelpers } from './loadAxios';
import { assertAxiosConfig, assertAxiosInstance } from './arguments';
import { axiosTransport } from './transport';
import type { AxiosInstanceLike, AxiosRequestConfigLike, AxiosRequestInterceptor } from './types';

/** Where an interceptor finds axios's helpers: the caller's axios, or the one loaded on demand. */
type HelpersSource = () => AxiosHelpers | Promise<AxiosHelpers>;

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

/** The URL axios will send to, as signed: built once per request. */
const wireUrlOf = (axios: AxiosHelpers, config: AxiosRequestConfigLike): URL =>
  toWireUrl(axios.getUri(config), config.method?.toUpperCase());

/**
 * Signing happens in the adapter, the last step before bytes leave: by then every interceptor
 * (whatever its order) and the whole transformRequest chain have run, so what is signed is
 * what is sent. See DOMAIN.md §5.
 */
function signingAdapter(signer: Signer, original: unknown, source: HelpersSource): SigningAdapter {
  const adapter = async (config: AxiosRequestConfigLike) => {
    const found = source(); // at hand on every request but the first: no turn waited then
    const axios = found instanceof Promise ? await found : found;
    const url = wireUrlOf(axios, config);
    const send = axios.getAdapter(original ?? axios.defaults.adapter, config);
    return routeRequest(signer, config.method ?? 'get', url, {
      unsigned: () => send(config),
      signed(sent) {
        const transport = axiosTransport(config, send, axiosEnding(config, axios));
        return exchange(signer, draftFromConfig(config, sent), transport);
      },
    });
  };
  return Object.assign(adapter, { [WRAPPED]: original });
}

/** The interceptor of one signer: it installs the signing adapter on each request's config. */
function signingInterceptor(signer: Signer, source: HelpersSource): AxiosRequestInterceptor {
  return async (config) => {
    assertAxiosConfig(config);
    forgetMergedUrlParts(config);
    if (isPartialView(config.data)) {
      const url = wireUrlOf(await source(), config);
      if (signer.appliesTo(url)) config.data = copyViewedBytes(config.data);
    }
    config.adapter = signingAdapter(signer, unwrap(config.adapter), source);
    return config;
  };
}

/**
 * Creates an axios request interceptor that signs every request to a host in scope with SigV4.
 * @example
 * const api = axios.create({ baseURL: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod' });
 * api.interceptors.request.use(createAxiosInterceptor());
 */
export function createAxiosInterceptor(options?: SigV4Options): AxiosRequestInterceptor {
  checkOptionNames(options, AXIOS_ENTRY);
  return signingInterceptor(newSigner(options), axiosHelpers);
}

/**
 * Registers a SigV4 interceptor on an axios instance (or axios itself) and returns a function
 * that removes it. Given axios itself, its own helpers (URL building, adapters, error classes)
 * serve; an `axios.create()` instance does not carry them, and the axios this package resolves
 * does.
 * @example
 * const detach = attachSigV4(api, { region: 'eu-west-1', service: 'execute-api' });
 * detach(); // stop signing
 */
export function attachSigV4(instance: AxiosInstanceLike, options?: SigV4Options): () => void {
  assertAxiosInstance(instance);
  checkOptionNames(options, AXIOS_ENTRY);
  const own = isAxiosModule(instance) ? helpersOf(instance) : undefined;
  const interceptor = signingInterceptor(newSigner(options), own ? () => own : axiosHelpers);
  const id = instance.interceptors.request.use(interceptor);
  return () => instance.interceptors.request.eject(id);
}
