import { clearCredentialCache } from 'aws-sigv4-interceptor';
import {
  FACTORIES,
  NO_PROVIDER,
  type Factory,
  type Provider,
} from '../candidates/credentialClients';
import { CREDENTIALS, REGION } from '../fixtures';
import { table } from '../format';
import type { RunContext, SectionResult } from '../section';
import { lifetimeResults } from './credentialLifetime';

/**
 * Section 5: how often credentials are resolved. An explicit provider counts its calls; the
 * default chain is counted by reads of AWS_ACCESS_KEY_ID from process.env (each resolution from
 * the environment reads it once). Counts, not times: the machine's load does not matter.
 */

const N = 1000;

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
  const lifetime = await lifetimeResults(context.log);
  return {
    id: 'credentials',
    title: '5. Credential resolutions: per 1000 signs, and over one credential lifetime',
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
      '',
      'One credential lifetime: credentials that expire 5 minutes and 300 ms after they are',
      "resolved (our refresh margin, as the SDK's, is 5 minutes), three bursts of concurrent",
      'requests: at cold start, at once again, and 400 ms later, once they are in the refresh window.',
      '',
      lifetime.markdown,
    ].join('\n'),
    targets: [
      {
        target: 'zero credential resolutions per warm request (ours)',
        measured: `${oursWarm} in ${N} warm signs (provider and default chain)`,
        met: oursWarm === 0,
      },
      lifetime.target,
    ],
  };
}
