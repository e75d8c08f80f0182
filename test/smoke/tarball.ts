/**
 * The package as `npm install` delivers it: `npm pack` (after `npm run build`), checked for what
 * the registry page and users get (size, licence, links), then unpacked into fresh projects in a
 * temporary folder (test/smoke/consumers.ts) that run or type-check against it. Offline: the
 * projects' other packages are links to this repository's node_modules. Prints
 * `smoke: N passed, M failed`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSUMERS, type Consumer } from './consumers';
import { check, summary } from './check.cjs';

/** The largest unpacked size the package may have (issue 15: it was 2.1 MB with source maps). */
export const MAX_UNPACKED_BYTES = 700_000;

const ROOT = join(__dirname, '..', '..');
const MODULES = join(ROOT, 'node_modules');
const TSC = join(MODULES, 'typescript', 'bin', 'tsc');
const SELF = 'aws-sigv4-interceptor';

interface PackageLinks {
  repository?: unknown;
  homepage?: unknown;
  bugs?: unknown;
}

/** Markdown link targets that are neither absolute URLs nor in-page anchors. */
const relativeLinks = (markdown: string) =>
  [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^(https?:\/\/|#)/.test(target));

interface PackResult {
  filename: string;
  unpackedSize: number;
  files: Array<{ path: string }>;
}

function pack(into: string): PackResult {
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', into], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return (JSON.parse(json) as PackResult[])[0];
}

/** A project folder: the unpacked package copied in, every other package linked from ours. */
function project(work: string, unpacked: string, consumer: Consumer): string {
  const dir = join(work, consumer.name.replace(/\W+/g, '-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  cpSync(unpacked, join(modules, SELF), { recursive: true });
  const skip = new Set([SELF, '.bin', '.cache', '.package-lock.json', ...(consumer.without ?? [])]);
  for (const name of readdirSync(MODULES)) {
    if (!skip.has(name)) symlinkSync(join(MODULES, name), join(modules, name));
  }
  const pkg = { name: 'consumer', private: true, type: consumer.type };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  for (const [file, text] of Object.entries(consumer.files)) writeFileSync(join(dir, file), text);
  return dir;
}

function exercise(dir: string, consumer: Consumer): void {
  if (consumer.typecheck) {
    const tsc = spawnSync(process.execPath, [TSC, '-p', '.'], { cwd: dir, encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  }
  if (consumer.run) {
    const run = spawnSync(process.execPath, [consumer.run.file], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    if (run.status !== 0)
      throw new Error(`node ${consumer.run.file} exited ${run.status}:\n${output}`);
    for (const line of consumer.run.prints) {
      if (!output.includes(line)) throw new Error(`expected "${line}" in:\n${output}`);
    }
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'sigv4-tarball-'));
  try {
    const packed = pack(work);
    const paths = packed.files.map((file) => file.path);
    await check(`unpacked size ${packed.unpackedSize} <= ${MAX_UNPACKED_BYTES} bytes`, () => {
      if (packed.unpackedSize > MAX_UNPACKED_BYTES) throw new Error(`${packed.unpackedSize}`);
    });
    await check('the tarball has LICENSE and README.md, and no source map', () => {
      for (const file of ['LICENSE', 'README.md', 'package.json']) {
        if (!paths.includes(file)) throw new Error(`${file} missing from ${paths.join(', ')}`);
      }
      const maps = paths.filter((path) => path.endsWith('.map'));
      if (maps.length > 0) throw new Error(`source maps: ${maps.join(', ')}`);
    });
    await check('package.json links the repository; the README links only absolute URLs', () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageLinks;
      for (const field of ['repository', 'homepage', 'bugs'] as const) {
        if (!pkg[field]) throw new Error(`package.json has no ${field}`);
      }
      const relative = relativeLinks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
      if (relative.length > 0) throw new Error(`relative links: ${relative.join(', ')}`);
    });
    execFileSync('tar', ['xzf', join(work, packed.filename), '-C', work]);
    const unpacked = join(work, 'package');
    await check('the bin (package.json `bin`) runs from the tarball: --version', () => {
      const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as {
        version: string;
        bin: Record<string, string>;
      };
      const bin = join(unpacked, pkg.bin[SELF]);
      const output = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
      if (output !== `${SELF} ${pkg.version}\n`) throw new Error(`--version printed ${output}`);
    });
    for (const consumer of CONSUMERS) {
      await check(consumer.name, () => exercise(project(work, unpacked, consumer), consumer));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(summary());
}

void main();
