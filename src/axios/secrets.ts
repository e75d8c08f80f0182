import { AUTHORIZATION_HEADER, SECURITY_TOKEN_HEADER } from '../constants';
import { redactHeader, redactHeaderLines } from '../redact';
import type { AxiosHeadersLike, AxiosRequestConfigLike } from './types';

const SIGNED_SECRETS = [AUTHORIZATION_HEADER, SECURITY_TOKEN_HEADER] as const;

interface HeaderMap {
  get?(name: string): unknown;
  set?(...args: unknown[]): unknown;
}

/** Masks the signing headers of AxiosHeaders or a fetch Headers, in place. */
function maskHeaders(headers: HeaderMap | undefined, set: (name: string, value: string) => void) {
  for (const name of SIGNED_SECRETS) {
    const value = headers?.get?.(name);
    if (typeof value === 'string') set(name, redactHeader(name, value));
  }
}

/**
 * Masks the signing headers of a config, in one pass over the names AxiosHeaders (or a plain
 * object) holds as its own properties, as `config.headers.Authorization = ...` sets them.
 */
function maskConfigHeaders(headers: AxiosHeadersLike | undefined): void {
  if (typeof headers !== 'object' || headers === null) return;
  const record = headers as unknown as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    const value = record[name];
    const lower = name.toLowerCase();
    if (typeof value === 'string' && (SIGNED_SECRETS as readonly string[]).includes(lower)) {
      record[name] = redactHeader(lower, value);
    }
  }
}

/**
 * The request object the adapter sent, once it is done: a fetch `Request` (axios's fetch
 * adapter) keeps its headers; a Node `ClientRequest` (the http adapter) keeps the raw header
 * text it wrote and its header map. None of them is read again after the response.
 */
function maskSentRequest(request: unknown): void {
  if (typeof request !== 'object' || request === null) return;
  const { headers } = request as { headers?: HeaderMap };
  if (typeof headers?.set === 'function') maskHeaders(headers, (n, v) => headers.set!(n, v));
  const node = request as { _header?: unknown } & Record<symbol, unknown>;
  if (typeof node._header === 'string') node._header = redactHeaderLines(node._header);
  const outHeaders = Object.getOwnPropertySymbols(node).find(
    (s) => s.description === 'kOutHeaders',
  );
  const map = outHeaders && (node[outHeaders] as Record<string, [string, unknown]> | undefined);
  for (const name of SIGNED_SECRETS) {
    const entry = map?.[name];
    if (entry && typeof entry[1] === 'string') entry[1] = redactHeader(name, entry[1]);
  }
}

/**
 * Takes the signature and session token out of what axios hands the caller, and what users log:
 * the config (`response.config`, `error.config`, and so `error.toJSON()`) keeps the
 * Authorization header with its signature masked and the token masked; the request object the
 * adapter sent (whose raw header text holds both) is masked too, and no longer enumerable, so
 * that `console.log(error)` stays short. A retry of the config is signed afresh, as every
 * request is.
 * @internal
 */
export function withoutSecrets(config: AxiosRequestConfigLike, ...holders: unknown[]): void {
  maskConfigHeaders(config.headers as AxiosHeadersLike | undefined);
  for (const holder of holders) {
    if (typeof holder !== 'object' || holder === null || !('request' in holder)) continue;
    maskSentRequest(holder.request);
    Object.defineProperty(holder, 'request', { enumerable: false });
  }
}
