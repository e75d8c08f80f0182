import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { table } from './format';
import { verdict, type SectionResult } from './section';

/** The machine and its load at one moment. */
export interface MachineNotes {
  readonly date: string;
  readonly load1: number;
}

export const machineNotes = (): MachineNotes => ({
  date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  load1: loadavg()[0],
});

function gitState(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--', 'src')
      ? `${head} + uncommitted changes in src/`
      : head;
  } catch {
    return 'unknown';
  }
}

function machine(): string {
  const cpu = cpus();
  const memory = (totalmem() / 2 ** 30).toFixed(0);
  return `${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${memory} GB RAM, ${type()} ${release()}, Node ${process.version}`;
}

export interface RunMeta {
  readonly quick: boolean;
  readonly before: MachineNotes;
  readonly after: MachineNotes;
  readonly elapsedS: number;
  readonly write: boolean;
  /** What source was measured, when not the git working tree. */
  readonly label?: string;
  /** Which code of ours was timed: the build, or src/ through tsx. */
  readonly measured: string;
}

const REPORT = 'BENCHMARKS.md';
const begin = (id: string) => `<!-- bench:${id}:begin -->`;
const end = (id: string) => `<!-- bench:${id}:end -->`;

const TEMPLATE = `# Benchmarks

\`npm run bench\` (bench/run.ts; see bench/README.md) writes the blocks between the \`bench:*\`
markers below; the rest of this file is written by hand.

${begin('meta')}\n${end('meta')}

${begin('targets')}\n${end('targets')}
`;

/** Replaces the text between a block's markers, or appends the block. */
function replaceBlock(document: string, id: string, content: string): string {
  const block = `${begin(id)}\n${content.trim()}\n${end(id)}`;
  const start = document.indexOf(begin(id));
  const stop = document.indexOf(end(id));
  if (start === -1 || stop === -1) return `${document.trimEnd()}\n\n${block}\n`;
  return document.slice(0, start) + block + document.slice(stop + end(id).length);
}

function targetsTable(results: readonly SectionResult[]): string {
  const rows = results.flatMap((r) => r.targets.map((t) => [t.target, t.measured, verdict(t.met)]));
  return table(['target', 'measured', 'verdict'], rows);
}

/** Prints the summary and, when asked, writes the measured blocks of BENCHMARKS.md. */
export function writeReport(
  results: readonly SectionResult[],
  meta: RunMeta,
): { summary: string; path: string } {
  const mode = meta.quick ? 'quick run (`--quick`)' : 'full run';
  const runLine =
    `${meta.before.date}, ${mode}, ${meta.elapsedS.toFixed(0)} s; source ${meta.label ?? gitState()}, ` +
    `ours timed from ${meta.measured}; ` +
    `1-minute load average ${meta.before.load1.toFixed(2)} before, ${meta.after.load1.toFixed(2)} after`;
  const metaBlock = [
    `Machine: ${machine()}. Shared with other agents' test runs, so expect noise; every`,
    'comparison below alternates its candidates round by round in one process to spread it.',
    '',
    `Run: ${runLine}.`,
  ].join('\n');
  const summary = [`## Targets\n`, targetsTable(results), '', metaBlock].join('\n');
  if (meta.write) {
    let document = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : TEMPLATE;
    const complete = results.length === 5;
    if (complete) {
      document = replaceBlock(document, 'meta', metaBlock);
      document = replaceBlock(document, 'targets', `## Targets\n\n${targetsTable(results)}`);
    }
    for (const result of results) {
      const body = [`## ${result.title}`, '', `*${runLine}*`, '', result.markdown.trim()];
      if (result.targets.length > 0) body.push('', targetsTable([result]));
      document = replaceBlock(document, result.id, body.join('\n'));
    }
    writeFileSync(REPORT, document);
  }
  return { summary, path: REPORT };
}
