import { ROOT } from '../build';
import { BUNDLES, bundleSize, topInputs, type BundleSize } from '../cold/bundles';
import { startupEntries, timeStartup, type StartupEntry } from '../cold/startup';
import { formatBytes, formatMs, table } from '../format';
import type { RunContext, SectionResult, TargetCheck } from '../section';
import { max, median, min } from '../stats';

/**
 * Section 4: cold start. Whole processes (`node -e`), spawn to exit, alternating entries round
 * by round; then the minified and gzipped bundle of a Lambda handler that signs one request.
 */

const IMPORT_BUDGET_MS = 30;
const BUNDLE_BUDGET = 40 * 1024;

/** The median per-round difference a − b, in milliseconds. */
const pairedDelta = (a: readonly number[], b: readonly number[]) =>
  median(a.map((value, i) => value - b[i]));

function startupRounds(
  entries: readonly StartupEntry[],
  context: RunContext,
): Map<string, number[]> {
  const times = new Map<string, number[]>(entries.map((e) => [e.name, []]));
  const rounds = context.quick ? 4 : 15;
  for (let round = 0; round <= rounds; round++) {
    const shift = round % entries.length;
    for (const entry of [...entries.slice(shift), ...entries.slice(0, shift)]) {
      const ms = timeStartup(entry, ROOT);
      if (round > 0) times.get(entry.name)!.push(ms); // round 0 warms the file cache
    }
    if (round % 5 === 0) context.log(`cold: startup round ${round}/${rounds}`);
  }
  return times;
}

function startupTable(entries: readonly StartupEntry[], times: Map<string, number[]>): string {
  const bare = times.get(entries[0].name)!;
  const rows = entries.map(({ name }) => {
    const t = times.get(name)!;
    return [
      name,
      formatMs(median(t)),
      `${formatMs(min(t))} – ${formatMs(max(t))}`,
      formatMs(pairedDelta(t, bare)),
    ];
  });
  return table(['process', 'median', 'min – max', '− bare node (paired)'], rows);
}

function bundleTables(sizes: Map<string, BundleSize>, distDir: string): string {
  const rows = BUNDLES.map(({ name }) => {
    const size = sizes.get(name)!;
    return [name, formatBytes(size.minified), formatBytes(size.gzipped)];
  });
  const parts = [table(['Lambda handler', 'minified', 'min + gzip -9'], rows)];
  for (const name of BUNDLES.slice(2, 4).map((b) => b.name)) {
    const { packages, files } = topInputs(sizes.get(name)!.metafile, distDir, 8);
    parts.push(
      '',
      `What dominates *${name}* (esbuild metafile, bytes in the minified output):`,
      '',
      table(
        ['package', 'bytes'],
        packages.map(([p, b]) => [p, formatBytes(b)]),
      ),
      '',
      table(
        ['largest files', 'bytes'],
        files.map(([f, b]) => [f, formatBytes(b)]),
      ),
    );
  }
  return parts.join('\n');
}

/** Runs section 4. */
export async function coldSection(context: RunContext): Promise<SectionResult> {
  const entries = startupEntries(context.distDir);
  const times = startupRounds(entries, context);
  context.log('cold: bundles');
  const sizes = new Map<string, BundleSize>();
  for (const entry of BUNDLES) sizes.set(entry.name, await bundleSize(entry, context.distDir));
  const added = (withOurs: string, alone: string) =>
    pairedDelta(times.get(withOurs)!, times.get(alone)!);
  const onFetch = added('fetch + ours (require)', 'fetch alone (new Request: loads undici)');
  const onAxios = added('axios + ours (require)', 'axios alone');
  const fetchBundle = sizes.get(BUNDLES[2].name)!.minified;
  const targets: TargetCheck[] = [
    {
      target: `importing ours adds <= ${IMPORT_BUDGET_MS} ms on top of fetch alone`,
      measured: formatMs(onFetch),
      met: onFetch <= IMPORT_BUDGET_MS,
    },
    {
      target: `importing ours adds <= ${IMPORT_BUDGET_MS} ms on top of axios alone`,
      measured: formatMs(onAxios),
      met: onAxios <= IMPORT_BUDGET_MS,
    },
    {
      target: 'Lambda fetch-path bundle (default env credentials) <= 40 KB minified',
      measured: formatBytes(fetchBundle),
      met: fetchBundle <= BUNDLE_BUDGET,
    },
  ];
  return {
    id: 'cold',
    title: '4. Cold start and bundle size',
    markdown: [
      '### Process start',
      '',
      'Wall time of `node -e <script>` (or `--input-type=module`), spawn to exit, with Lambda-like',
      'environment credentials; entries alternate round by round, one warm-up round dropped.',
      `Ours is the package as built by tsup.config.ts (CommonJS \`index.js\`, ESM \`index.mjs\`).`,
      'The "first signed" rows include loading the credential chain and signing one request.',
      '',
      startupTable(entries, times),
      '',
      '### Lambda handler bundles',
      '',
      'esbuild (JS API): bundle, minify, platform node, format esm, target node20, mainFields',
      'module,main (ES modules first, as AWS recommends for SDK v3); only node built-ins external',
      '(and @aws-sdk/* where the row says so). Sources in bench/bundles/.',
      '',
      bundleTables(sizes, context.distDir),
    ].join('\n'),
    targets,
  };
}
