/**
 * Builds what a browser test needs, as a user's toolchain would: the package as published (the
 * project's tsup.config.ts, declarations aside) installed under a private node_modules, and the
 * example page bundled for the browser by esbuild, which picks the package through its
 * `exports` `browser` condition.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, type Plugin } from 'esbuild';

export const ROOT = join(__dirname, '..', '..');

/** A fresh folder per run (other runs may share the work tree), under node_modules/.cache. */
export function workFolder(): string {
  const parent = join(ROOT, 'node_modules', '.cache', 'aws-sigv4-interceptor-browser-test');
  mkdirSync(parent, { recursive: true });
  const work = mkdtempSync(join(parent, 'run-'));
  // A package of its own: under the project's package.json, `aws-sigv4-interceptor` would
  // resolve to the project itself (a package importing its own name).
  writeFileSync(join(work, 'package.json'), '{ "name": "browser-page", "private": true }\n');
  return work;
}

/**
 * `work/node_modules/aws-sigv4-interceptor`: package.json and the tsup build. Its dependencies
 * resolve from the project's node_modules, further up.
 * @returns the package folder
 */
export async function installBuiltPackage(work: string): Promise<string> {
  const packageDir = join(work, 'node_modules', 'aws-sigv4-interceptor');
  mkdirSync(packageDir, { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(packageDir, 'package.json'));
  const tsup = join(ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js');
  const outDir = join(packageDir, 'dist');
  await promisify(execFile)(process.execPath, [tsup, '--out-dir', outDir, '--no-dts', '--silent'], {
    cwd: ROOT,
  });
  return packageDir;
}

/** Resolves `aws-sigv4-interceptor` from `work`: through the installed package's `exports`. */
const installedPackage = (work: string): Plugin => ({
  name: 'installed aws-sigv4-interceptor',
  setup(build) {
    build.onResolve({ filter: /^aws-sigv4-interceptor$/ }, ({ path, kind, pluginData }) =>
      pluginData === 'installed'
        ? undefined
        : build.resolve(path, { kind, resolveDir: work, pluginData: 'installed' }),
    );
  },
});

/**
 * esbuild matches `browser` field keys with their extension only, and @aws-sdk/credential-providers
 * maps `./dist-es/index` (no `.js`): without this alias it bundles the Node index (`node:fs`...).
 * Webpack and Rollup match the key as written.
 */
export const CREDENTIAL_PROVIDERS_ALIAS = {
  '@aws-sdk/credential-providers': '@aws-sdk/credential-providers/dist-es/index.browser.js',
};

/** examples/<example> bundled into `outDir` (index.html + main.js), minified. */
export async function bundleExamplePage(work: string, outDir: string, example = 'browser') {
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(ROOT, 'examples', example, 'index.html'), join(outDir, 'index.html'));
  const result = await build({
    entryPoints: [join(ROOT, 'examples', example, 'main.ts')],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
    // Not the project's tsconfig.json, whose `paths` map the package to its sources.
    tsconfigRaw: {},
    alias: CREDENTIAL_PROVIDERS_ALIAS,
    plugins: [installedPackage(work)],
  });
  return { inputs: Object.keys(result.metafile.inputs) };
}
