import { describeType } from '../describeType';
import { SigV4OptionsError, SigV4RequestError } from '../errors';
import type { AxiosInstanceLike, AxiosRequestConfigLike } from './types';

/** Throws unless `instance` has axios's request interceptors (axios itself, axios.create()). @internal */
export function assertAxiosInstance(instance: unknown): asserts instance is AxiosInstanceLike {
  const request = (instance as Partial<AxiosInstanceLike> | null)?.interceptors?.request;
  if (typeof request?.use === 'function' && typeof request.eject === 'function') return;
  throw new SigV4OptionsError(
    'INVALID_OPTIONS',
    `Invalid argument \`instance\` of attachSigV4: ${describeType(instance)} without interceptors.request`,
    'pass axios itself or an instance from axios.create()',
  );
}

/** Throws unless the interceptor was handed a request config, as axios hands it one. @internal */
export function assertAxiosConfig(config: unknown): asserts config is AxiosRequestConfigLike {
  if (typeof config === 'object' && config !== null) return;
  throw new SigV4RequestError(
    'INVALID_REQUEST',
    `The axios interceptor was called with ${describeType(config)}, not a request config`,
    'register it with instance.interceptors.request.use(createAxiosInterceptor(options)), or use attachSigV4(instance)',
  );
}
