import { messageOf } from '../diagnosis/classify';
import type { Diagnosis } from '../diagnosis/types';
import type { Reply, Transport } from '../exchange/transport';
import { discardBody } from '../exchange/discardBody';
import { headerValue } from '../headerValue';
import type { AxiosEnding } from './abort';
import { applyToConfig, askedMaxRedirects } from './draft';
import { withoutSecrets } from './secrets';
import type { AxiosRequestConfigLike } from './types';

/** The parts of an axios response the exchange reads. */
interface AxiosResponseLike {
  status: number;
  data?: unknown;
  headers?: unknown;
}

function replyOf<R>(
  config: AxiosRequestConfigLike,
  response: AxiosResponseLike,
  error: unknown,
  finish: () => void,
): Reply<R> {
  return {
    status: response.status,
    header: (name) => headerValue(response.headers, name),
    message: () => Promise.resolve(messageOf(response.data)),
    handle: response,
    discard: () => discardBody(response.data),
    settle: (diagnosis?: Diagnosis) => {
      finish();
      withoutSecrets(config, response, error);
      if (!error) return response as R;
      if (diagnosis && typeof error === 'object') Object.assign(error, { diagnosis });
      throw error;
    },
  };
}

/**
 * Sends the exchange's requests through the adapter axios chose. A status that fails
 * `validateStatus` comes back as an AxiosError carrying the response: the exchange still sees
 * the response, and the caller still gets the error. Whatever leaves (a response, an error)
 * carries no signature or session token where users log it.
 * @internal
 */
export function axiosTransport<R>(
  config: AxiosRequestConfigLike,
  adapter: (config: unknown) => Promise<unknown>,
  ending: AxiosEnding,
): Transport<R> {
  let first: Pick<AxiosRequestConfigLike, 'url' | 'method' | 'data'> | undefined;
  // After redirects the config (which is also response.config) names the first request again,
  // as axios's own redirects leave it: a retry of it starts over from there.
  const finish = () => Object.assign(config, first);
  const failed = (error: unknown) => {
    finish();
    withoutSecrets(config, error);
    return error;
  };
  return {
    maxRedirects: askedMaxRedirects(config),
    signal: ending.signal,
    abortError: () => failed(ending.abortError()),
    redirectError: (failure, location) => failed(ending.redirectError(failure, location)),
    async send(wire) {
      applyToConfig(config, wire);
      first ??= { url: config.url, method: config.method, data: config.data };
      try {
        return replyOf<R>(config, (await adapter(config)) as AxiosResponseLike, undefined, finish);
      } catch (error) {
        const response = (error as { response?: AxiosResponseLike } | null)?.response;
        if (response && typeof response.status === 'number') {
          return replyOf<R>(config, response, error, finish);
        }
        throw failed(error);
      }
    },
  };
}
