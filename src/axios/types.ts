/**
 * The parts of axios this package touches, described structurally so that the published types
 * do not require axios (an optional peer): fetch users need not install it.
 */

/** The AxiosHeaders methods the interceptor uses. */
export interface AxiosHeadersLike {
  /** The headers as a plain name-to-value object (values may be numbers, booleans or arrays). */
  toJSON(): Record<string, unknown>;
  /** Removes a header, whatever its case; `true` when one was removed. */
  delete(name: string): boolean;
  /** Sets these headers; with `rewrite` `true`, replaces values already set. */
  set(headers: Record<string, string>, rewrite?: boolean): unknown;
}

/** The fields of an axios request config the interceptor reads and rewrites. */
export interface AxiosRequestConfigLike {
  /** The URL, absolute or relative to `baseURL`; set to the whole signed URL before sending. */
  url?: string;
  /** Joined with a relative `url`; cleared once the whole URL is in `url`. */
  baseURL?: string;
  /** The HTTP method, any case. @default 'get' */
  method?: string;
  /** Query parameters axios adds to the URL; cleared once they are in `url`. */
  params?: unknown;
  /** The body as the adapter receives it (after transformRequest): what is signed and sent. */
  data?: unknown;
  /** HTTP Basic credentials: they would replace the SigV4 Authorization header. */
  auth?: unknown;
  /** Redirects the http adapter follows (follow-redirects' default: 21). */
  maxRedirects?: number;
  /** Extra init for the fetch adapter (axios >= 1.7). */
  fetchOptions?: Record<string, unknown>;
  /** The headers (AxiosHeaders once the adapter runs); the signing headers are set on them. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- axios's own header types vary by version
  headers: any;
  /** The adapter axios sends with; the interceptor wraps it to sign just before sending. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- AxiosAdapterConfig | AxiosAdapterConfig[]
  adapter?: any;
}

/** An axios instance (from `axios.create()`, or axios itself). */
export interface AxiosInstanceLike {
  /** The instance's interceptor managers. */
  interceptors: {
    /** The request interceptors, run before each request is sent. */
    request: {
      /** Registers a request interceptor; returns its id, for `eject`. */
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches every axios 1.x signature
      use(onFulfilled: (config: any) => any, onRejected?: null, options?: any): number;
      /** Removes the request interceptor `use` returned this id for. */
      eject(id: number): void;
    };
  };
}

/** A request interceptor for `instance.interceptors.request.use(...)`. */
export type AxiosRequestInterceptor = <C extends AxiosRequestConfigLike>(config: C) => Promise<C>;
