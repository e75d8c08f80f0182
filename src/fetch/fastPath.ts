import type { FetchBase } from './base';

/** Methods fetch upper-cases; any other keeps the caller's case (the Fetch standard). */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

const normalizeMethod = (method: string) =>
  NORMALIZED_METHODS.has(method.toUpperCase()) ? method.toUpperCase() : method;

/** Bodies whose bytes and content type need no Request to work out. */
const isPlainBody = (body: unknown): body is string | ArrayBuffer | ArrayBufferView | undefined =>
  body === undefined ||
  body === null ||
  typeof body === 'string' ||
  body instanceof ArrayBuffer ||
  ArrayBuffer.isView(body);

/**
 * The common call, `fetch(url, { method, headers, body: string | bytes })`, taken as it is,
 * without building a Request to normalize it: what fetch would do with it is plain here (the
 * method's case, `text/plain;charset=UTF-8` for a string). Anything else (a Request input, a
 * FormData, Blob or stream body, a body on GET) goes through a Request, which also raises
 * fetch's own errors.
 * @returns undefined when the call is not that simple
 * @internal
 */
export function plainCallBase(
  input: string | URL | Request,
  init: RequestInit | undefined,
): FetchBase | undefined {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  if (init?.method !== undefined && typeof init.method !== 'string') return undefined;
  const body = init?.body;
  const method = normalizeMethod(init?.method ?? 'GET');
  if (!isPlainBody(body)) return undefined;
  if (body !== undefined && body !== null && (method === 'GET' || method === 'HEAD'))
    return undefined;
  let headers: Headers;
  try {
    headers = new Headers(init?.headers);
  } catch {
    return undefined; // the Request path reports it as fetch would
  }
  if (typeof body === 'string' && !headers.has('content-type')) {
    headers.set('content-type', 'text/plain;charset=UTF-8');
  }
  return { method, headers, redirect: init?.redirect ?? 'follow', settings: {} };
}
