import type { AxiosRequestConfigLike } from './types';

/** The two helpers of axios's own the interceptor needs. @internal */
export interface AxiosHelpers {
  /** baseURL + url + params exactly as axios builds them. */
  getUri(config: AxiosRequestConfigLike): string;
  /** The adapter function that `config.adapter` names (`['xhr', 'http', 'fetch']`, a function...). */
  getAdapter(
    adapter: unknown,
    config: AxiosRequestConfigLike,
  ): (config: unknown) => Promise<unknown>;
  defaults: { adapter?: unknown };
}

let loaded: Promise<AxiosHelpers> | undefined;

/**
 * axios is an optional peer: it is loaded on the first axios request, never by importing this
 * package, so fetch users do not need it installed.
 * @internal
 */
export function loadAxios(): Promise<AxiosHelpers> {
  loaded ??= import('axios').then(
    (module) => module.default as unknown as AxiosHelpers,
    (error: unknown) => {
      loaded = undefined;
      throw error;
    },
  );
  return loaded;
}
