/**
 * Run by chromium.test.ts with tsx in a Node process of its own (jest cannot run the dynamic
 * imports of the built files): exercises the built ESM entries of the package folder given as
 * argument, the browser one and the Node one, and prints what it saw as JSON.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import axios from 'axios';

type Entry = typeof import('aws-sigv4-interceptor');
type Testing = typeof import('aws-sigv4-interceptor/testing');

const packageDir = process.argv[2];
const load = <T>(file: string): Promise<T> =>
  import(pathToFileURL(join(packageDir, 'dist', file)).href) as Promise<T>;

const REGION = 'us-east-1';
const scope = { region: REGION, service: 'execute-api' };
const API = `https://abc123.execute-api.${REGION}.amazonaws.com/prod/orders`;
const okFetch = (() => Promise.resolve(new Response())) as typeof fetch;

/** What the fetch wrapper and the axios interceptor hand to the client about redirects. */
async function redirects({ createSignedFetch, attachSigV4 }: Entry, credentials: object) {
  const options = { ...scope, credentials: credentials as never };
  let fetchRedirect: string | undefined;
  const recording = (async (_url: unknown, init?: RequestInit) => {
    fetchRedirect = init?.redirect;
    return new Response();
  }) as typeof fetch;
  await createSignedFetch({ ...options, fetch: recording })(API);
  let axiosRedirects: Record<string, unknown> = {};
  const instance = axios.create({
    adapter: async (config) => {
      const { fetchOptions } = config as typeof config & { fetchOptions?: { redirect?: string } };
      axiosRedirects = { maxRedirects: config.maxRedirects, redirect: fetchOptions?.redirect };
      return { status: 200, statusText: 'OK', data: '', headers: {}, config };
    },
  });
  attachSigV4(instance, options);
  await instance.get(API);
  return { fetch: fetchRedirect, axios: axiosRedirects };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { name: string; code?: string; message: string }) => ({
      name: error.name,
      code: error.code,
      message: error.message,
    }),
  );

async function main() {
  const [browser, node, testing] = await Promise.all([
    load<Entry>('browser.mjs'),
    load<Entry>('index.mjs'),
    load<Testing>('testing/index.js'),
  ]);
  const credentials = testing.TEST_CREDENTIALS;

  // Node 20 has WebCrypto: the browser file hashes with it here, as in a page.
  const endpoint = await testing.startLocalIamEndpoint(scope);
  let verifiedStatus: number;
  try {
    const signedFetch = browser.createSignedFetch({ ...scope, credentials });
    const response = await signedFetch(`${endpoint.url}/prod/orders?id=1`, {
      method: 'POST',
      body: 'x'.repeat(70_000),
    });
    verifiedStatus = response.status;
  } finally {
    await endpoint.close();
  }

  // Keys in the environment: the Node entry would take them, the browser one never reads them.
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  const assumeRole = { roleArn: 'arn:aws:iam::123456789012:role/ApiCaller' };

  console.log(
    JSON.stringify({
      names: { browser: Object.keys(browser).sort(), node: Object.keys(node).sort() },
      verifiedStatus,
      redirects: {
        browser: await redirects(browser, credentials),
        node: await redirects(node, credentials),
      },
      withoutCredentials: await failure(
        browser.createSignedFetch({ ...scope, fetch: okFetch })(API),
      ),
      assumeRole: await failure(
        browser.createSignedFetch({ ...scope, fetch: okFetch, credentials, assumeRole })(API),
      ),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
