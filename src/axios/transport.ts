import { messageOf } from '../diagnosis/classify';
import type { Diagnosis } from '../diagnosis/types';
import type { Reply, Transport } from '../exchange';
import { applyToConfig } from './draft';
import type { AxiosRequestConfigLike } from './types';

/** What follow-redirects, axios's http adapter, follows by default. */
const AXIOS_DEFAULT_MAX_REDIRECTS = 21;

/** The parts of an axios response the exchange reads. */
interface AxiosResponseLike {
  status: number;
  data?: unknown;
  headers?: { get?: (name: string) => unknown } & Record<string, unknown>;
}

function headerOf(response: AxiosResponseLike, name: string): string | undefined {
  const { headers } = response;
  const value = typeof headers?.get === 'function' ? headers.get(name) : headers?.[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function replyOf<R>(response: AxiosResponseLike, error?: unknown): Reply<R> {
  return {
    status: response.status,
    header: (name) => headerOf(response, name),
    message: () => Promise.resolve(messageOf(response.data)),
    handle: response,
    settle: (diagnosis?: Diagnosis) => {
      if (!error) return response as R;
      if (diagnosis && typeof error === 'object') Object.assign(error, { diagnosis });
      throw error;
    },
  };
}

/**
 * Sends the exchange's requests through the adapter axios chose. A status that fails
 * `validateStatus` comes back as an AxiosError carrying the response: the exchange still sees
 * the response, and the caller still gets the error.
 * @internal
 */
export function axiosTransport<R>(
  config: AxiosRequestConfigLike,
  adapter: (config: unknown) => Promise<unknown>,
): Transport<R> {
  return {
    maxRedirects: config.maxRedirects ?? AXIOS_DEFAULT_MAX_REDIRECTS,
    async send(wire) {
      applyToConfig(config, wire);
      try {
        return replyOf<R>((await adapter(config)) as AxiosResponseLike);
      } catch (error) {
        const response = (error as { response?: AxiosResponseLike } | null)?.response;
        if (response && typeof response.status === 'number') return replyOf<R>(response, error);
        throw error;
      }
    },
  };
}
