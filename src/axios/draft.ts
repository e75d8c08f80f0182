import type { OutgoingDraft, WireRequest } from '../exchange/outgoing';
import { conflictingAuthError } from '../errors';
import { exchangeFollowsRedirects } from '../exchange/redirectMode';
import type { AxiosHeadersLike, AxiosRequestConfigLike } from './types';

/** AxiosHeaders values may be numbers, booleans or arrays; the signer takes strings. */
function headerRecord(headers: AxiosHeadersLike): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers.toJSON())) {
    if (value === undefined || value === null || value === false) continue;
    record[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return record;
}

/** The request axios is about to send (after every interceptor and transformRequest). @internal */
export function draftFromConfig(config: AxiosRequestConfigLike, url: URL): OutgoingDraft {
  const method = (config.method ?? 'get').toUpperCase();
  if (config.auth) throw conflictingAuthError('the axios `auth` option', { method, url });
  return {
    method,
    url,
    headers: headerRecord(config.headers),
    body: config.data,
  };
}

/** An ArrayBuffer of exactly these bytes: the form every axios adapter sends as is. */
function exactArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
}

const isSentAsIs = (data: unknown) =>
  data === undefined ||
  data === null ||
  typeof data === 'string' ||
  data instanceof ArrayBuffer ||
  ArrayBuffer.isView(data);

/**
 * Where the config remembers the URL it was signed and sent with. A plain string key, because
 * axios's mergeConfig keeps unknown string keys and drops symbols.
 */
const SENT_URL = 'sigV4SentUrl';
/** Where the config remembers the `maxRedirects` its caller asked for, before it was set to 0. */
const ASKED_MAX_REDIRECTS = 'sigV4MaxRedirects';
type Marked = AxiosRequestConfigLike & { [SENT_URL]?: string; [ASKED_MAX_REDIRECTS]?: number };

/** What follow-redirects, axios's http adapter, follows by default. */
const AXIOS_DEFAULT_MAX_REDIRECTS = 21;

/**
 * The redirects the caller asked axios to follow. A config sent once already (a retry) has 0 of
 * ours in `maxRedirects`; the caller's own number was kept beside it. None in a browser build,
 * where the browser follows them.
 * @internal
 */
export function askedMaxRedirects(config: AxiosRequestConfigLike): number {
  if (!exchangeFollowsRedirects) return 0;
  const marked = config as Marked;
  marked[ASKED_MAX_REDIRECTS] ??= config.maxRedirects ?? AXIOS_DEFAULT_MAX_REDIRECTS;
  return marked[ASKED_MAX_REDIRECTS];
}

/**
 * A config sent once already (a retry: `instance.request(error.config)`) holds the whole URL,
 * query included, but axios merges the instance's default params and baseURL back into it; they
 * would be appended a second time.
 * @internal
 */
export function forgetMergedUrlParts(config: AxiosRequestConfigLike): void {
  const sentUrl = (config as Marked)[SENT_URL];
  if (sentUrl === undefined || sentUrl !== config.url) return;
  config.params = undefined;
  config.baseURL = undefined;
}

/**
 * Makes axios send this request: its URL as the whole URL (no baseURL/params left for axios to
 * join or encode again), the read body in place of a stream or FormData, the headers adjusted,
 * and redirects left to the exchange (follow-redirects and fetch would carry the session token to
 * another host), except in a browser build, where the browser follows them.
 * @internal
 */
export function applyToConfig(config: AxiosRequestConfigLike, wire: WireRequest): void {
  config.url = wire.url;
  (config as Marked)[SENT_URL] = wire.url;
  config.baseURL = undefined;
  config.params = undefined;
  config.method = wire.method.toLowerCase();
  if (wire.body === undefined) config.data = undefined;
  else if (!isSentAsIs(config.data)) {
    config.data = typeof wire.body === 'string' ? wire.body : exactArrayBuffer(wire.body);
  }
  if (exchangeFollowsRedirects) {
    config.maxRedirects = 0;
    config.fetchOptions = { ...config.fetchOptions, redirect: 'manual' };
  }
  const headers = config.headers as AxiosHeadersLike;
  // One pass over the names set (AxiosHeaders keeps them as its own properties) rather than a
  // case-insensitive search of them all for each name to remove, as `delete(name)` does.
  for (const name of Object.keys(headers)) {
    if (wire.removeHeaders.includes(name.toLowerCase())) headers.delete(name);
  }
  headers.set({ ...wire.headers }, true);
}

/** A typed-array view over part of its buffer (a subarray, a pooled slice), Buffers aside. @internal */
export function isPartialView(data: unknown): data is ArrayBufferView {
  if (!ArrayBuffer.isView(data)) return false;
  const ctor = (data as { constructor?: { isBuffer?: (value: unknown) => boolean } }).constructor;
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  return !whole && !ctor?.isBuffer?.(data);
}

/**
 * axios turns a typed-array view into its whole underlying buffer (a subarray would send more
 * bytes than it views); an exact copy keeps what the caller meant. Buffers are sent as they are.
 * @internal
 */
export const copyViewedBytes = (view: ArrayBufferView): Uint8Array =>
  new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
