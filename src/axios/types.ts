/**
 * The parts of axios this package touches, described structurally so that the published types
 * do not require axios (an optional peer): fetch users need not install it.
 */

/** The AxiosHeaders methods the interceptor uses. */
export interface AxiosHeadersLike {
  toJSON(): Record<string, unknown>;
  delete(name: string): boolean;
  set(headers: Record<string, string>, rewrite?: boolean): unknown;
}

/** The fields of an axios request config the interceptor reads and rewrites. */
export interface AxiosRequestConfigLike {
  url?: string;
  baseURL?: string;
  method?: string;
  params?: unknown;
  data?: unknown;
  /** HTTP Basic credentials: they would replace the SigV4 Authorization header. */
  auth?: unknown;
  /** Redirects the http adapter follows (follow-redirects' default: 21). */
  maxRedirects?: number;
  /** Extra init for the fetch adapter (axios >= 1.7). */
  fetchOptions?: Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- axios's own header types vary by version
  headers: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- AxiosAdapterConfig | AxiosAdapterConfig[]
  adapter?: any;
}

/** An axios instance (from `axios.create()`, or axios itself). */
export interface AxiosInstanceLike {
  interceptors: {
    request: {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches every axios 1.x signature
      use(onFulfilled: (config: any) => any, onRejected?: null, options?: any): number;
      eject(id: number): void;
    };
  };
}

/** A request interceptor for `instance.interceptors.request.use(...)`. */
export type AxiosRequestInterceptor = <C extends AxiosRequestConfigLike>(config: C) => Promise<C>;
