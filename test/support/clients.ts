/**
 * The two clients under one face, for tests that make the same call through both: a GET or a
 * POST that resolves to the status and body whatever the status (axios's error carries them).
 * A `network` reaches servers a plain client could not: https with a test certificate, AWS host
 * names resolved to loopback (fetch then sends through undici's own fetch and an Agent).
 */
import https from 'node:https';
import axios, { isAxiosError } from 'axios';
import { Agent, fetch as undiciFetch } from 'undici';
import { attachSigV4, createSignedFetch, type SignedFetchOptions } from 'aws-sigv4-interceptor';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  /** The URL of the final response (fetch's `response.url`; axios: the requested URL). */
  readonly url?: string;
  readonly redirected?: boolean;
}

export type Call = (
  url: string,
  init?: { method?: string; body?: string; headers?: Record<string, string> },
) => Promise<Answer>;

/** How the clients reach the test servers. */
export interface Network {
  /** Trust this certificate authority (a test's self-signed certificate). */
  readonly ca?: string;
  /** Resolve every host name to 127.0.0.1 (AWS host names in tests of inference). */
  readonly loopback?: boolean;
}

/** A `net.connect` lookup that resolves any name to 127.0.0.1 (undici's connector uses it). */
const toLoopback = (
  _host: string,
  options: { all?: boolean },
  done: (...args: unknown[]) => void,
) => (options.all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4));

/** axios's own `lookup` option: an async function. */
const axiosToLoopback = async () => ({ address: '127.0.0.1', family: 4 as const });

function axiosCall(options: SignedFetchOptions, network: Network): Call {
  const api = axios.create({
    ...(network.ca && { httpsAgent: new https.Agent({ ca: network.ca }) }),
    ...(network.loopback && { lookup: axiosToLoopback }),
  });
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
}

function fetchCall(options: SignedFetchOptions, network: Network): Call {
  const special = network.ca !== undefined || network.loopback === true;
  const dispatcher = special
    ? new Agent({
        connect: {
          ...(network.ca && { ca: network.ca }),
          ...(network.loopback && { lookup: toLoopback as never }),
        },
      })
    : undefined;
  const signedFetch = createSignedFetch({
    ...options,
    ...(special && { fetch: undiciFetch as unknown as typeof fetch }),
  });
  return async (url, init = {}) => {
    const response = await signedFetch(url, { ...init, ...(dispatcher && { dispatcher }) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    const headers = Object.fromEntries(response.headers);
    return {
      status: response.status,
      body,
      headers,
      url: response.url,
      redirected: response.redirected,
    };
  };
}

/** Creates a signed client of each kind with these options. */
export const CLIENTS: Record<
  'axios' | 'fetch',
  (options: SignedFetchOptions, network?: Network) => Call
> = {
  axios: (options, network = {}) => axiosCall(options, network),
  fetch: (options, network = {}) => fetchCall(options, network),
};

export const CLIENT_NAMES = Object.keys(CLIENTS) as Array<keyof typeof CLIENTS>;
