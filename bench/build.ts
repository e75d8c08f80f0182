import { join } from 'node:path';
import { build } from 'tsup';

/** The project root: the parent of bench/. */
export const ROOT = join(__dirname, '..');

/**
 * Builds the package as published (tsup.config.ts, minus type declarations) into a private
 * directory, so that the bench measures the current source without touching the shared dist/
 * other people's tests may be reading. Under node_modules/: ignored by git, lint and prettier,
 * and node_modules resolution from there still finds the project's dependencies.
 */
export async function buildPrivateDist(log: (line: string) => void): Promise<string> {
  const outDir = join(ROOT, 'node_modules', '.cache', 'aws-sigv4-interceptor-bench', 'dist');
  log(`building the package into ${outDir}`);
  await build({ outDir, dts: false, silent: true, clean: true });
  return outDir;
}
