import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './build';

/**
 * Which code of ours the bench times. By default the package as built for publishing (the
 * private build of bench/build.ts): what users run, next to the peers' published builds. tsx
 * would run src/ through its own transform, whose `keepNames` wraps every function made during
 * a call in a helper that sets its name: a cost of ours alone (the peers come built from
 * node_modules, which tsx leaves as they are), measured at up to 2x on our signer.
 * `--source` times src/ through tsx all the same (what `bench/profile` does, for readable
 * profiles).
 */

/** Set in the process that times the build: the build's directory. */
export const MEASURED_BUILD = 'AWS_SIGV4_BENCH_BUILD';

/**
 * A tsconfig whose `paths` send `aws-sigv4-interceptor` to the build instead of src/: tsx
 * resolves the bench's imports of ours through it (TSX_TSCONFIG_PATH).
 */
function buildTsconfig(distDir: string): string {
  const file = join(dirname(distDir), 'tsconfig.bench.json');
  mkdirSync(dirname(file), { recursive: true });
  const config = {
    extends: join(ROOT, 'tsconfig.json'),
    compilerOptions: {
      baseUrl: ROOT,
      paths: {
        'aws-sigv4-interceptor': [join(distDir, 'index.js')],
        'aws-sigv4-interceptor/testing': [join(distDir, 'testing', 'index.js')],
      },
    },
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/**
 * Runs `script` again with these arguments in a process that imports ours from the build in
 * `distDir`; resolves to its exit code.
 */
export function runOnBuild(script: string, args: readonly string[], distDir: string): number {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: buildTsconfig(distDir), [MEASURED_BUILD]: distDir },
  });
  return result.status ?? 1;
}
