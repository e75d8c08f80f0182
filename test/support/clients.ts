/**
 * The two clients under one face, for tests that make the same call through both: a GET or a
 * POST that resolves to the status and body whatever the status (axios's error carries them).
 */
import axios, { isAxiosError } from 'axios';
import { attachSigV4, createSignedFetch, type SignedFetchOptions } from 'aws-sigv4-interceptor';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

export type Call = (
  url: string,
  init?: { method?: string; body?: string; headers?: Record<string, string> },
) => Promise<Answer>;

/** Creates a signed client of each kind with these options. */
export const CLIENTS: Record<'axios' | 'fetch', (options: SignedFetchOptions) => Call> = {
  axios: (options) => {
    const api = axios.create();
    attachSigV4(api, options);
    return async (url, init = {}) => {
      const config = { url, method: init.method ?? 'GET', data: init.body, headers: init.headers };
      const response = await api.request(config).catch((error: unknown) => {
        if (isAxiosError(error) && error.response) return error.response;
        throw error;
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) headers[name] = String(value);
      return { status: response.status, body: response.data, headers };
    };
  },
  fetch: (options) => {
    const signedFetch = createSignedFetch(options);
    return async (url, init = {}) => {
      const response = await signedFetch(url, init);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body, headers: Object.fromEntries(response.headers) };
    };
  },
};

export const CLIENT_NAMES = Object.keys(CLIENTS) as Array<keyof typeof CLIENTS>;
