import type { AxiosRequestConfigLike } from './types';

/** The error classes axios rejects with, to end a call as axios would. @internal */
export interface AxiosErrorClasses {
  readonly AxiosError: new (message: string, code: string, config: unknown) => Error;
  readonly CanceledError: new (message: string | null, config: unknown) => Error;
}

/** The helpers of axios's own the interceptor needs. @internal */
export interface AxiosHelpers extends AxiosErrorClasses {
  /** baseURL + url + params exactly as axios builds them. */
  getUri(config: AxiosRequestConfigLike): string;
  /** The adapter function that `config.adapter` names (`['xhr', 'http', 'fetch']`, a function...). */
  getAdapter(
    adapter: unknown,
    config: AxiosRequestConfigLike,
  ): (config: unknown) => Promise<unknown>;
  defaults: { adapter?: unknown };
}

/** The axios default export as this module reads it. */
interface AxiosModule extends AxiosHelpers {
  Axios: { prototype: { getUri(this: { defaults: object }, config: object): string } };
}

/**
 * axios's own getUri merges its defaults into the config first, which costs more than the rest
 * of signing; in the adapter the config is merged already. So the URL is built by the same
 * method from the URL fields alone, with no defaults. A failure (a malformed URL) is left to the
 * full call, so the AxiosError carries the caller's whole config.
 */
function fastGetUri(axios: AxiosModule): AxiosHelpers['getUri'] {
  const noDefaults = { defaults: {} };
  return (config) => {
    const { baseURL, url, params, paramsSerializer, allowAbsoluteUrls } =
      config as AxiosRequestConfigLike & {
        paramsSerializer?: unknown;
        allowAbsoluteUrls?: unknown;
      };
    try {
      const parts = { baseURL, url, params, paramsSerializer, allowAbsoluteUrls };
      return axios.Axios.prototype.getUri.call(noDefaults, parts);
    } catch {
      return axios.getUri(config);
    }
  };
}

let loaded: Promise<AxiosHelpers> | undefined;

/**
 * axios is an optional peer: it is loaded on the first axios request, never by importing this
 * package, so fetch users do not need it installed.
 * @internal
 */
export function loadAxios(): Promise<AxiosHelpers> {
  loaded ??= import('axios').then(
    (module) => {
      const axios = module.default as unknown as AxiosModule;
      return {
        getUri: fastGetUri(axios),
        getAdapter: (adapter, config) => axios.getAdapter(adapter, config),
        defaults: axios.defaults,
        AxiosError: axios.AxiosError,
        CanceledError: axios.CanceledError,
      };
    },
    (error: unknown) => {
      loaded = undefined;
      throw error;
    },
  );
  return loaded;
}
