/**
 * Run by selfReference.test.ts with tsx in a Node process of its own: a signed fetch that calls
 * itself loops through promise jobs and starves the event loop, timers included, so only another
 * process can stop it. Tries each way of wiring a signed fetch back to itself, one after the
 * other, and prints one JSON line per form as soon as it settles: a form missing from the output
 * is the one that hung.
 */
import { createSignedFetch, installSignedFetch } from '../../src/index';
import { startLocalIamEndpoint, startRecordingServer, TEST_CREDENTIALS } from '../../src/testing';

/** The options, as a new user wrote them. */
const options = {
  region: 'us-east-1',
  service: 'execute-api',
  hosts: ['127.0.0.1'],
  credentials: TEST_CREDENTIALS,
};

type Form = (urls: { api: string; other: string }) => Promise<Response>;

const FORMS: Record<string, Form> = {
  'the issue: globalThis.fetch = createSignedFetch(...), then fetch(...)': async ({ api }) => {
    globalThis.fetch = createSignedFetch(options);
    return fetch(api);
  },
  'installSignedFetch over a signed fetch assigned by hand': async ({ api }) => {
    globalThis.fetch = createSignedFetch(options);
    installSignedFetch(options);
    return fetch(api);
  },
  'a `fetch` option that calls the signed fetch itself': async ({ api }) => {
    const signedFetch: typeof fetch = createSignedFetch({
      ...options,
      fetch: (input, init) => signedFetch(input, init),
    });
    return signedFetch(api);
  },
  'a `fetch` option calling globalThis.fetch, assigned to globalThis.fetch (signed URL)': ({
    api,
  }) => {
    globalThis.fetch = createSignedFetch({ ...options, fetch: (i, o) => globalThis.fetch(i, o) });
    return fetch(api);
  },
  'the same, with a URL out of scope': ({ other }) => {
    globalThis.fetch = createSignedFetch({
      ...options,
      hosts: ['api.example.com'],
      fetch: (i, o) => globalThis.fetch(i, o),
    });
    return fetch(other);
  },
  'a `fetch` option that awaits before calling globalThis.fetch, assigned to it': ({ api }) => {
    const later: typeof fetch = async (input, init) => {
      await Promise.resolve();
      return globalThis.fetch(input, init);
    };
    globalThis.fetch = createSignedFetch({ ...options, fetch: later });
    return fetch(api);
  },
  'two signed fetches, each sending with the other': ({ api }) => {
    const first: typeof fetch = createSignedFetch({ ...options, fetch: (i, o) => second(i, o) });
    const second = createSignedFetch({ ...options, fetch: first });
    return second(api);
  },
  'created while no global fetch exists, then assigned to globalThis.fetch': ({ api }) => {
    Reflect.deleteProperty(globalThis, 'fetch'); // put back by main() after the form
    globalThis.fetch = createSignedFetch(options);
    return fetch(api);
  },
};

/** How a form settled: an HTTP status, or the error's class, code and message. */
async function outcomeOf(form: Form, urls: { api: string; other: string }) {
  try {
    return { status: (await form(urls)).status };
  } catch (error) {
    const { name, code, message } = error as Error & { code?: string };
    return { error: { name, code, message } };
  }
}

async function main(): Promise<void> {
  const original = globalThis.fetch;
  const endpoint = await startLocalIamEndpoint({ region: options.region });
  const recorder = await startRecordingServer();
  const urls = { api: `${endpoint.url}/prod/x`, other: `${recorder.url}/y` };
  try {
    for (const [form, run] of Object.entries(FORMS)) {
      const outcome = await outcomeOf(run, urls);
      globalThis.fetch = original;
      process.stdout.write(`${JSON.stringify({ form, ...outcome })}\n`);
    }
  } finally {
    await Promise.all([endpoint.close(), recorder.close()]);
  }
}

void main();
