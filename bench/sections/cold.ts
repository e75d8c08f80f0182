import { ROOT } from '../build';
import { BUNDLES } from '../cold/bundleEntries';
import { bundleSize, topInputs, type BundleSize } from '../cold/bundles';
import { axiosGraphs, startupEntries, timeStartup, type StartupEntry } from '../cold/startup';
import { formatBytes, formatMs, table } from '../format';
import type { RunContext, SectionResult, TargetCheck } from '../section';
import { max, median, min, spreadOf, type Spread } from '../stats';

/**
 * Section 4: cold start. Whole processes (`node -e`), spawn to exit, alternating entries round
 * by round; then the minified and gzipped bundle of a Lambda handler that signs one request.
 */

const IMPORT_BUDGET_MS = 30;

/** The median per-round difference a − b, in milliseconds. */
const pairedDelta = (a: readonly number[], b: readonly number[]) =>
  median(a.map((value, i) => value - b[i]));

/** What one process adds to another, per round, with the spread. */
const spreadDelta = (times: Map<string, number[]>, withOurs: string, alone: string): Spread =>
  spreadOf(times.get(withOurs)!.map((value, i) => value - times.get(alone)![i]));

const formatMsSpread = ({ median: m, low, high }: Spread) =>
  `${formatMs(m)} (${low.toFixed(1)}–${formatMs(high)})`;

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
  // Ours (fetch, axios) as bundled by the handler options, and the fetch path as `sam build` does
  // by default: where its size goes.
  const explained = [...BUNDLES.slice(2, 4), BUNDLES.find((b) => b.sam === 'defaults')!];
  for (const name of explained.map((b) => b.name)) {
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
  const onFetch = spreadDelta(
    times,
    'fetch + ours (require)',
    'fetch alone (new Request: loads undici)',
  );
  const onAxios = spreadDelta(times, 'axios + ours (require)', 'axios alone');
  const graphs = axiosGraphs(context.distDir, ROOT);
  const oneEach = graphs.cjs.length === 1 && graphs.esm.length === 1;
  const targets: TargetCheck[] = [
    {
      target: `importing ours adds <= ${IMPORT_BUDGET_MS} ms on top of fetch alone`,
      measured: formatMsSpread(onFetch),
      met: onFetch.median <= IMPORT_BUDGET_MS,
    },
    {
      target: `importing ours adds <= ${IMPORT_BUDGET_MS} ms on top of axios alone`,
      measured: formatMsSpread(onAxios),
      met: onAxios.median <= IMPORT_BUDGET_MS,
    },
    {
      target: 'one axios module graph per process (a signed axios request, CommonJS and ESM)',
      measured: `CommonJS: ${graphs.cjs.join(', ')}; ESM: ${graphs.esm.join(', ')}`,
      met: oneEach,
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
      '(and @aws-sdk/* where the row says so). The `sam build` rows use what SAM passes to esbuild',
      '(`--format=cjs --target=es2020 --minify`) with and without `MainFields: module,main`:',
      "without it esbuild takes @smithy/*'s CommonJS builds, which it cannot tree-shake. Sources",
      'in bench/bundles/.',
      '',
      bundleTables(sizes, context.distDir),
    ].join('\n'),
    targets,
  };
}
