import { SignatureV4 } from '@smithy/signature-v4';
import aws4 from 'aws4';
import { aws4Interceptor } from 'aws4-axios';
import { createSignedFetcher } from 'aws-sigv4-fetch';
import axios, { type AxiosAdapter } from 'axios';
import { clearCredentialCache, createSigner } from 'aws-sigv4-interceptor';
import { CREDENTIALS, HOST, REGION, SERVICE } from '../fixtures';
import { NodeSha256 } from '../nodeHash';
import { table } from '../format';
import type { RunContext, SectionResult } from '../section';

/**
 * Section 5: how often credentials are resolved. An explicit provider counts its calls; the
 * default chain is counted by reads of AWS_ACCESS_KEY_ID from process.env (each resolution from
 * the environment reads it once). Counts, not times: the machine's load does not matter.
 */

const N = 1000;
const URL_ = `https://${HOST}/prod/items?limit=10`;
const SCOPE = { region: REGION, service: SERVICE };
type Provider = () => Promise<typeof CREDENTIALS>;
/** Signs one request with a fresh client built on `provider` (undefined: the library's default). */
type Factory = (provider?: Provider) => () => Promise<unknown>;

const adapter: AxiosAdapter = (config) =>
  Promise.resolve({ data: '', status: 200, statusText: 'OK', headers: {}, config });
const stubFetch = (() => Promise.resolve(new Response(null))) as typeof fetch;

const FACTORIES: Record<string, Factory> = {
  'ours (createSigner; the axios and fetch adapters share it)': (provider) => {
    const signer = createSigner({ ...SCOPE, credentials: provider });
    return () => signer.sign({ method: 'GET', url: URL_ });
  },
  'aws4-axios (provider object)': (provider) => {
    const api = axios.create({ adapter });
    const credentials = provider && { getCredentials: provider };
    api.interceptors.request.use(aws4Interceptor({ instance: api, credentials, options: SCOPE }));
    return () => api.get(URL_);
  },
  'aws-sigv4-fetch': (provider) => {
    const signed = createSignedFetcher({ ...SCOPE, credentials: provider, fetch: stubFetch });
    return () => signed(URL_);
  },
  '@smithy/signature-v4 (one instance)': (provider) => {
    if (!provider) return () => Promise.reject(new Error('no default'));
    const signer = new SignatureV4({ ...SCOPE, credentials: provider, sha256: NodeSha256 });
    const request = {
      method: 'GET',
      protocol: 'https:',
      hostname: HOST,
      path: '/prod/items',
      headers: { host: HOST },
    };
    return () => signer.sign(request);
  },
  'aws4 (no provider: credentials argument, or env when omitted)': (provider) => {
    return async () =>
      aws4.sign(
        { host: HOST, path: '/prod/items?limit=10', ...SCOPE },
        provider && (await provider()),
      );
  },
};

/** Libraries that take no provider: whoever calls them resolves, so provider counts mean nothing. */
const NO_PROVIDER = new Set(['aws4 (no provider: credentials argument, or env when omitted)']);

/** Counts the calls of a provider. */
function countingProvider(): { provider: Provider; calls: () => number } {
  let calls = 0;
  return { provider: () => (calls++, Promise.resolve({ ...CREDENTIALS })), calls: () => calls };
}

/** Counts reads of AWS_ACCESS_KEY_ID while `work` runs. */
async function envReads(work: () => Promise<unknown>): Promise<number> {
  const real = process.env;
  let reads = 0;
  process.env = new Proxy(real, {
    get: (target, key) => (key === 'AWS_ACCESS_KEY_ID' && reads++, Reflect.get(target, key)),
  });
  try {
    await work();
  } finally {
    process.env = real;
  }
  return reads;
}

async function sequential(sign: () => Promise<unknown>, count: number) {
  for (let i = 0; i < count; i++) await sign();
}

async function countsFor(factory: Factory, takesProvider: boolean): Promise<string[]> {
  const warm = countingProvider();
  const signWarm = factory(warm.provider);
  await signWarm(); // the cold resolution
  const afterFirst = warm.calls();
  await sequential(signWarm, N);
  const concurrent = countingProvider();
  const signConcurrent = factory(concurrent.provider);
  await Promise.all(Array.from({ length: N }, () => signConcurrent()));
  const perRequest = countingProvider();
  for (let i = 0; i < N; i++) await factory(perRequest.provider)();
  clearCredentialCache();
  const signDefault = factory();
  const cold = await envReads(() => signDefault()).catch(() => Number.NaN);
  const warmEnv = await envReads(() => sequential(signDefault, N)).catch(() => Number.NaN);
  const show = (n: number) => (Number.isNaN(n) ? 'n/a' : String(n));
  const provided = (n: number) => (takesProvider ? String(n) : 'n/a');
  return [
    provided(afterFirst),
    provided(warm.calls() - afterFirst),
    provided(concurrent.calls()),
    provided(perRequest.calls()),
    `${show(cold)} / ${show(warmEnv)}`,
  ];
}

/** Runs section 5. */
export async function credentialsSection(context: RunContext): Promise<SectionResult> {
  const process_ = { ...process.env };
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: CREDENTIALS.sessionToken,
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  const rows: string[][] = [];
  let oursWarm = Number.NaN;
  try {
    for (const [name, factory] of Object.entries(FACTORIES)) {
      context.log(`credentials: ${name}`);
      const counts = await countsFor(factory, !NO_PROVIDER.has(name));
      if (name.startsWith('ours')) oursWarm = Number(counts[1]) + Number(counts[4].split(' / ')[1]);
      rows.push([name, ...counts]);
    }
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in process_)) delete process.env[key];
    Object.assign(process.env, process_);
  }
  return {
    id: 'credentials',
    title: '5. Credential resolutions per 1000 signs',
    markdown: [
      `Provider calls (explicit provider) and environment reads (default chain), ${N} GET signs, nothing sent.`,
      'aws4fetch is absent: it takes static keys only, so it never resolves (and never refreshes).',
      '',
      table(
        [
          'candidate',
          'first sign',
          `next ${N} (warm)`,
          `${N} concurrent at cold start`,
          `${N}, new client each`,
          'default chain: env reads first / next 1000',
        ],
        rows,
      ),
    ].join('\n'),
    targets: [
      {
        target: 'zero credential resolutions per warm request (ours)',
        measured: `${oursWarm} in ${N} warm signs (provider and default chain)`,
        met: oursWarm === 0,
      },
    ],
  };
}
