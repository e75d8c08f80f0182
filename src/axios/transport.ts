import { messageOf } from '../diagnosis/classify';
import type { Diagnosis } from '../diagnosis/types';
import type { Reply, Transport } from '../exchange';
import { headerValue } from '../headerValue';
import { applyToConfig, askedMaxRedirects } from './draft';
import type { AxiosRequestConfigLike } from './types';

/** The parts of an axios response the exchange reads. */
interface AxiosResponseLike {
  status: number;
  data?: unknown;
  headers?: unknown;
}

function replyOf<R>(response: AxiosResponseLike, error: unknown, restore: () => void): Reply<R> {
  return {
    status: response.status,
    header: (name) => headerValue(response.headers, name),
    message: () => Promise.resolve(messageOf(response.data)),
    handle: response,
    settle: (diagnosis?: Diagnosis) => {
      restore();
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
  let first: Pick<AxiosRequestConfigLike, 'url' | 'method' | 'data'> | undefined;
  // After redirects the config (which is also response.config) names the first request again,
  // as axios's own redirects leave it: a retry of it starts over from there.
  const restore = () => Object.assign(config, first);
  return {
    maxRedirects: askedMaxRedirects(config),
    async send(wire) {
      applyToConfig(config, wire);
      first ??= { url: config.url, method: config.method, data: config.data };
      try {
        return replyOf<R>((await adapter(config)) as AxiosResponseLike, undefined, restore);
      } catch (error) {
        const response = (error as { response?: AxiosResponseLike } | null)?.response;
        if (response && typeof response.status === 'number') {
          return replyOf<R>(response, error, restore);
        }
        throw error;
      }
    },
  };
}
