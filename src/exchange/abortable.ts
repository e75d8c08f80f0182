/**
 * Settles as `work` does, or rejects with `abortError()` as soon as `signal` aborts, whichever
 * comes first. The work itself goes on: a credential resolution shared with other callers must
 * still serve them when one caller gives up.
 * @internal
 */
export function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  abortError: () => unknown,
): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => undefined); // settled later, by nobody's wish: not an unhandled rejection
    return Promise.reject(abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    work
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort))
      .catch(() => undefined);
  });
}
