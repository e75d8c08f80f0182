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
 * Whether `value` is axios's default export, which carries the helpers; an instance from
 * `axios.create()` does not (it has `getUri`, but bound to its own defaults).
 * @internal
 */
export const isAxiosModule = (value: unknown): value is AxiosModule => {
  const axios = value as Partial<AxiosModule> | undefined;
  return (
    typeof axios?.getAdapter === 'function' &&
    typeof axios.Axios?.prototype?.getUri === 'function' &&
    typeof axios.AxiosError === 'function' &&
    typeof axios.CanceledError === 'function'
  );
};

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

/** The helpers of one axios module. @internal */
export const helpersOf = (axios: AxiosModule): AxiosHelpers => ({
  getUri: fastGetUri(axios),
  getAdapter: (adapter, config) => axios.getAdapter(adapter, config),
  defaults: axios.defaults,
  AxiosError: axios.AxiosError,
  CanceledError: axios.CanceledError,
});

let loaded: AxiosHelpers | undefined;
let loading: Promise<AxiosHelpers> | undefined;

/**
 * The helpers of the axios this package resolves, for an interceptor not given axios itself.
 * axios is an optional peer: it is loaded on the first axios request, never by importing this
 * package, so fetch users do not need it installed. Once loaded, returned at once: a request
 * waits on nothing for them. The CommonJS build loads it with `require` (tsup.config.ts), as
 * the caller's CommonJS code does: `import()` there would load axios's ES module build, a second
 * copy of axios in the process whose errors the caller's `instanceof` would not recognize.
 * @internal
 */
export function axiosHelpers(): AxiosHelpers | Promise<AxiosHelpers> {
  if (loaded) return loaded;
  loading ??= import('axios').then(
    (module) => {
      const axios = ((module as { default?: unknown }).default ?? module) as AxiosModule;
      return (loaded = helpersOf(axios));
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
