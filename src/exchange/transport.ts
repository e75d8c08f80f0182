/**
 * What the exchange needs of an HTTP client: how to send one request and how the client reports
 * what it alone decides (an abort, a redirect it cannot follow). The adapters implement it
 * (src/fetch/transport.ts, src/axios/transport.ts); the exchange knows no client.
 */
import type { Diagnosis } from '../diagnosis/types';
import type { WireRequest } from './outgoing';

/** Why a redirect cannot be followed; each client rejects in its own way. @internal */
export type RedirectFailure =
  /** More redirects than the client follows (fetch: 20; axios: `maxRedirects`). */
  | 'too-many'
  /** A Location whose scheme is not http(s) (`file:`, `data:`, ...). */
  | 'unsupported-scheme';

/** A client's answer, as the exchange needs to see it. @internal */
export interface Reply<R> {
  readonly status: number;
  header(lowerName: string): string | null | undefined;
  /** The error message of the body; read only for a refusal. */
  message(): Promise<string | undefined>;
  /** What the caller receives (a Response, an axios response): `diagnose` looks records up by it. */
  readonly handle: object;
  /** Lets go of a redirect's body that nobody will read, so its connection can serve again. */
  discard(): void;
  /**
   * Hands the answer to the caller the way the client would: returns it, or throws its error
   * (carrying `diagnosis`, where the client's error can). `redirected` when it ends a chain of
   * redirects the exchange followed.
   */
  settle(diagnosis: Diagnosis | undefined, redirected: boolean): R;
}

/** How an adapter sends a {@link WireRequest} with its client. @internal */
export interface Transport<R> {
  send(request: WireRequest): Promise<Reply<R>>;
  /** Redirects to follow; 0 returns them to the caller as they are. */
  readonly maxRedirects: number;
  /** Ends the call at once, even before anything is sent: the caller's signal, axios's timeout. */
  readonly signal?: AbortSignal;
  /** What the client rejects with once `signal` has aborted. */
  abortError(): unknown;
  /** What the client rejects with for a redirect to `location` it cannot follow. */
  redirectError(failure: RedirectFailure, location: string): unknown;
}
