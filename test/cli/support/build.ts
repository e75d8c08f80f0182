/**
 * Makes sure dist/cli.js exists and is newer than every source file, running `npm run build`
 * otherwise. CI builds before `npm test`, so there this only checks; locally it builds once, and
 * the CLI suites running in parallel jest workers wait on one lock file instead of each running
 * tsup (whose `clean` would wipe the others' dist/ mid-test).
 */
import { execFile } from 'node:child_process';
import { closeSync, openSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = resolve(__dirname, '../../..');
export const CLI = join(ROOT, 'dist', 'cli.js');
const LOCK = join(ROOT, 'node_modules', '.cli-test-build.lock');
const BUILD_TIMEOUT_MS = 240_000;
const POLL_MS = 500;
const MAX_WAITS = BUILD_TIMEOUT_MS / POLL_MS;

/** The newest modification time of the files under `dir`. */
function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  try {
    const built = statSync(CLI).mtimeMs;
    return (
      built >= newestMtimeMs(join(ROOT, 'src')) &&
      built >= statSync(join(ROOT, 'tsup.config.ts')).mtimeMs
    );
  } catch {
    return false;
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Takes the lock, or removes it when its holder died; false when a live process holds it. */
function tryLock(): boolean {
  try {
    closeSync(openSync(LOCK, 'wx'));
    writeFileSync(LOCK, String(process.pid));
    return true;
  } catch {
    const holder = Number(readFileSync(LOCK, 'utf8'));
    if (holder && !isAlive(holder)) rmSync(LOCK, { force: true });
    return false;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Builds dist/ when dist/cli.js is missing or older than the sources. */
export async function ensureCliBuilt(): Promise<void> {
  for (let wait = 0; wait < MAX_WAITS; wait++) {
    if (isFresh()) return;
    if (tryLock()) {
      try {
        if (!isFresh()) {
          await promisify(execFile)('npm', ['run', 'build'], {
            cwd: ROOT,
            timeout: BUILD_TIMEOUT_MS,
          });
        }
      } finally {
        rmSync(LOCK, { force: true });
      }
      return;
    }
    await sleep(POLL_MS);
  }
  throw new Error(`dist/cli.js: another build held ${LOCK} for ${BUILD_TIMEOUT_MS} ms`);
}
