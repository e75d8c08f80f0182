/**
 * `npm run bench`: signing cost, hashing, loopback requests, cold start and bundle size, and
 * credential resolutions, for our signer, axios interceptor and fetch wrapper side by side with
 * aws4, aws4-axios, aws-sigv4-fetch, aws4fetch and raw @smithy/signature-v4. A benchmark, not a
 * test: it prints numbers and writes BENCHMARKS.md; it fails only when a candidate cannot run.
 *
 *   npm run bench                      full run (about 4 minutes), writes BENCHMARKS.md
 *   npm run bench -- --quick           short run (under a minute), prints only
 *   npm run bench -- --only sign,hash  some sections (sign, hash, loopback, cold, credentials)
 *   --write / --no-write               force or skip writing BENCHMARKS.md
 *   --dist <dir>                       use this build instead of building a private copy
 *   --source                           time src/ through tsx instead of the build (see
 *                                      bench/measuredBuild.ts)
 *   --label <text>                     what source was measured (default: git HEAD, and whether
 *                                      src/ has uncommitted changes)
 */
import { parseArgs } from 'node:util';
import { buildPrivateDist, ROOT } from './build';
import { MEASURED_BUILD, runOnBuild } from './measuredBuild';
import { machineNotes, writeReport } from './report';
import {
  SECTION_IDS,
  type RunContext,
  type Section,
  type SectionId,
  type SectionResult,
} from './section';
import { credentialsSection } from './sections/credentials';
import { coldSection } from './sections/cold';
import { hashSection } from './sections/hash';
import { loopbackSection } from './sections/loopback';
import { signSection } from './sections/sign';

const SECTIONS: Record<SectionId, Section> = {
  sign: signSection,
  hash: hashSection,
  loopback: loopbackSection,
  cold: coldSection,
  credentials: credentialsSection,
};

function parseSections(only: string | undefined): SectionId[] {
  if (only === undefined) return [...SECTION_IDS];
  const wanted = only.split(',').map((s) => s.trim());
  const unknown = wanted.filter((s) => !(SECTION_IDS as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new Error(
      `unknown section(s) ${unknown.join(', ')}: choose from ${SECTION_IDS.join(', ')}`,
    );
  }
  return wanted as SectionId[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      write: { type: 'boolean' },
      'no-write': { type: 'boolean', default: false },
      dist: { type: 'string' },
      label: { type: 'string' },
      source: { type: 'boolean', default: false },
    },
  });
  process.chdir(ROOT); // tsup reads tsup.config.ts, and BENCHMARKS.md lives, at the root
  const quick = values.quick!;
  const ids = parseSections(values.only);
  const write = values['no-write'] ? false : (values.write ?? !quick);
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const built = process.env[MEASURED_BUILD];
  if (!values.source && built === undefined) {
    const distDir = values.dist ?? (await buildPrivateDist(log));
    process.exit(runOnBuild(__filename, process.argv.slice(2), distDir));
  }
  const before = machineNotes();
  const needsDist = ids.includes('cold');
  const distDir = built ?? values.dist ?? (needsDist ? await buildPrivateDist(log) : '');
  const context: RunContext = { quick, distDir, log };
  const results: SectionResult[] = [];
  const started = Date.now();
  for (const id of ids) {
    log(`section ${id}`);
    const result = await SECTIONS[id](context);
    results.push(result);
    process.stdout.write(`\n## ${result.title}\n\n${result.markdown}\n`);
  }
  const elapsedS = (Date.now() - started) / 1000;
  const after = machineNotes();
  log(`done in ${elapsedS.toFixed(0)} s`);
  const report = writeReport(results, {
    quick,
    before,
    after,
    elapsedS,
    write,
    label: values.label,
    measured: values.source ? 'src/ through tsx' : 'the build',
  });
  process.stdout.write(`\n${report.summary}\n`);
  if (write) log(`wrote ${report.path}`);
}

main().then(
  () => process.exit(0), // keep-alive sockets and lazily loaded SDK clients must not hold the run
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
