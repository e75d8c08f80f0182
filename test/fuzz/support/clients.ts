import fc from 'fast-check';
import type { AxiosRequestConfig } from 'axios';
import { makeBody } from './makeBody';
import type { Pairs } from './query';
import type { RequestSpec } from './request';

/**
 * The many ways a caller hands the same request to each client: axios with an absolute URL or a
 * baseURL, the query in the URL or as `params`; fetch with a string, a URL or a Request, headers
 * as a record, a Headers or pairs.
 */
export interface AxiosForm {
  url: 'absolute' | 'baseURL';
  query: 'in the URL' | 'params object' | 'URLSearchParams params';
  lowerCaseMethod: boolean;
  contentTypeName: string;
  split: number;
}

export interface FetchForm {
  input: 'string' | 'URL' | 'Request';
  headers: 'record' | 'Headers' | 'pairs';
  contentTypeName: string;
}

const contentTypeName = fc.constantFrom('Content-Type', 'content-type', 'CONTENT-TYPE');

export const axiosFormArbitrary: fc.Arbitrary<AxiosForm> = fc.record({
  url: fc.constantFrom('absolute', 'baseURL'),
  query: fc.constantFrom('in the URL', 'params object', 'URLSearchParams params'),
  lowerCaseMethod: fc.boolean(),
  contentTypeName,
  split: fc.nat(),
});

export const fetchFormArbitrary: fc.Arbitrary<FetchForm> = fc.record({
  input: fc.constantFrom('string', 'URL', 'Request'),
  headers: fc.constantFrom('record', 'Headers', 'pairs'),
  contentTypeName,
});

function headerPairs(spec: RequestSpec, contentTypeName: string): Array<[string, string]> {
  const pairs = spec.headers.flatMap(({ name, values }) =>
    values.map((value) => [name, value] as [string, string]),
  );
  if (spec.contentType !== undefined) pairs.push([contentTypeName, spec.contentType]);
  return pairs;
}

const AXIOS_DROPPED_KEYS = ['__proto__', 'constructor', 'prototype'];

/** axios's own test for an absolute URL (lib/helpers/isAbsoluteURL.js). */
const AXIOS_ABSOLUTE = /^([a-z][a-z\d+\-.]*:)?\/\//i;

/** baseURL + url that axios joins back into exactly `written` (else undefined). */
function splitForBaseURL(written: string, split: number, origin: string) {
  const segments = written.slice(1).split('/');
  if (segments.length < 2) return undefined;
  const k = 1 + (split % (segments.length - 1));
  const url = segments.slice(k).join('/');
  if (segments[k - 1] === '' || segments[k] === '' || AXIOS_ABSOLUTE.test(url)) return undefined;
  return { baseURL: `${origin}/${segments.slice(0, k).join('/')}`, url };
}

/** The axios config for a spec, and the query pairs that must arrive. */
export function axiosConfig(
  spec: RequestSpec,
  form: AxiosForm,
  origin: string,
): { config: AxiosRequestConfig; query: Pairs } {
  const headers: Record<string, string | string[]> = {};
  for (const { name, values } of spec.headers)
    headers[name] = values.length === 1 ? values[0] : values;
  if (spec.contentType !== undefined) headers[form.contentTypeName] = spec.contentType;
  const { pairs } = spec.query;
  // A params object needs unique keys; axios trims them and (since 1.7 or so) drops the ones
  // that could pollute a prototype (lib/helpers/toFormData.js).
  const asObject =
    new Set(pairs.map(([key]) => key)).size === pairs.length &&
    pairs.every(([key]) => key === key.trim() && !AXIOS_DROPPED_KEYS.includes(key));
  const params =
    form.query === 'in the URL'
      ? undefined
      : form.query === 'params object' && asObject
        ? Object.fromEntries(pairs)
        : new URLSearchParams(pairs);
  const search = params === undefined ? spec.query.written : '';
  const split =
    form.url === 'baseURL' ? splitForBaseURL(spec.path.written, form.split, origin) : undefined;
  const location = split
    ? { baseURL: split.baseURL, url: `${split.url}${search}` }
    : { url: `${origin}${spec.path.written}${search}` };
  const config: AxiosRequestConfig = {
    ...location,
    method: form.lowerCaseMethod ? spec.method.toLowerCase() : spec.method,
    headers,
    params,
    ...(spec.body !== undefined && { data: makeBody(spec.body) }),
  };
  // An object lists integer-like keys first: axios serializes it in that order.
  const query = params && !(params instanceof URLSearchParams) ? Object.entries(params) : pairs;
  return { config, query };
}

const STREAMS = ['Node Readable', 'ReadableStream', 'async iterable'];

/**
 * Node 20's own Request never finishes reading an async-iterable body that yields an empty
 * chunk (undici 6). The signed fetch reads such a body from the init itself; one already inside
 * a caller's Request cannot be helped (plain fetch hangs on it too), so that case is not drawn.
 */
const hangsInsideARequest = (spec: RequestSpec): boolean =>
  (spec.body?.kind === 'Node Readable' || spec.body?.kind === 'async iterable') &&
  spec.body.chunks.some((chunk) => chunk.length === 0);

/** The fetch arguments for a spec. */
export function fetchArguments(
  spec: RequestSpec,
  form: FetchForm,
  origin: string,
): [string | URL | Request, RequestInit | undefined] {
  const pairs = headerPairs(spec, form.contentTypeName);
  const repeated = new Set(pairs.map(([n]) => n.toLowerCase())).size !== pairs.length;
  const headers =
    form.headers === 'Headers'
      ? new Headers(pairs)
      : form.headers === 'record' && !repeated
        ? Object.fromEntries(pairs)
        : pairs;
  const url = `${origin}${spec.path.written}${spec.query.written}`;
  const init = {
    method: spec.method,
    headers,
    ...(spec.body !== undefined && { body: makeBody(spec.body) as BodyInit }),
    ...(spec.body !== undefined && STREAMS.includes(spec.body.kind) && { duplex: 'half' }),
  } as RequestInit;
  if (form.input === 'Request' && !hangsInsideARequest(spec)) {
    return [new Request(url, init), undefined];
  }
  return [form.input === 'URL' ? new URL(url) : url, init];
}
