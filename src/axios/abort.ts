import type { RedirectFailure } from '../exchange/transport';
import type { AxiosErrorClasses } from './loadAxios';
import type { AxiosRequestConfigLike } from './types';

/** The config fields that end a call early. */
interface CancellableConfig {
  signal?: AbortSignal;
  timeout?: number;
  timeoutErrorMessage?: string;
  transitional?: { clarifyTimeoutError?: boolean };
}

/** A signal that aborts when either does (AbortSignal.any, where the runtime lacks it). */
function eitherSignal(a?: AbortSignal, b?: AbortSignal): AbortSignal | undefined {
  if (!a || !b) return a ?? b;
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const controller = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

/** The errors axios's own http adapter rejects with, made for one config. @internal */
export interface AxiosEnding {
  /** The caller's `signal` and the `timeout`, as one signal; undefined when there is neither. */
  readonly signal?: AbortSignal;
  abortError(): unknown;
  redirectError(failure: RedirectFailure, location: string): unknown;
}

/**
 * How a call configured this way ends early, as axios ends it: a `timeout` with its
 * ECONNABORTED (or ETIMEDOUT) error, the caller's `signal` with a CanceledError; a redirect it
 * cannot follow with follow-redirects' errors. The timeout starts with the signing adapter, so
 * that resolving credentials and reading the body count against it, as the caller expects.
 * @internal
 */
export function axiosEnding(
  config: AxiosRequestConfigLike,
  { AxiosError, CanceledError }: AxiosErrorClasses,
): AxiosEnding {
  const {
    signal: callerSignal,
    timeout,
    timeoutErrorMessage,
    transitional,
  } = config as AxiosRequestConfigLike & CancellableConfig;
  const timer = timeout && timeout > 0 ? AbortSignal.timeout(timeout) : undefined;
  const signal = eitherSignal(callerSignal, timer);
  const timedOut = () =>
    new AxiosError(
      timeoutErrorMessage || `timeout of ${timeout}ms exceeded`,
      transitional?.clarifyTimeoutError ? 'ETIMEDOUT' : 'ECONNABORTED',
      config,
    );
  return {
    signal,
    abortError: () =>
      timer?.aborted && !callerSignal?.aborted ? timedOut() : new CanceledError(null, config),
    redirectError: (failure, location) =>
      failure === 'too-many'
        ? new AxiosError(
            'Maximum number of redirects exceeded',
            'ERR_FR_TOO_MANY_REDIRECTS',
            config,
          )
        : new AxiosError(
            `Redirected request failed: Unsupported protocol ${new URL(location).protocol}`,
            'ERR_FR_REDIRECTION_FAILURE',
            config,
          ),
  };
}
