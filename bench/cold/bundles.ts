import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import type { BundleEntry } from './bundleEntries';

/** The measured bundle. */
export interface BundleSize {
  readonly minified: number;
  readonly gzipped: number;
  readonly metafile: Metafile;
}

/**
 * Resolves `aws-sigv4-interceptor` to the built package, as a user's bundler would: `index.mjs`,
 * or `browser.mjs` (package.json `exports["."].browser.import`) for a page.
 */
const ourPackage = (distDir: string, file: string): Plugin => ({
  name: 'aws-sigv4-interceptor',
  setup(build) {
    build.onResolve({ filter: /^aws-sigv4-interceptor$/ }, () => ({
      path: join(distDir, file),
    }));
  },
});

/**
 * A page: platform browser (browser fields and conditions first), ES2022. esbuild matches
 * `browser` field keys with their extension only, and @aws-sdk/credential-providers maps
 * `./dist-es/index` without one: the alias takes its browser index, as webpack and Rollup do.
 */
const PAGE_OPTIONS: BuildOptions = {
  platform: 'browser',
  target: 'es2022',
  alias: {
    '@aws-sdk/credential-providers': '@aws-sdk/credential-providers/dist-es/index.browser.js',
  },
};

/**
 * A Lambda handler: platform node, ES modules first, as AWS recommends for bundling SDK v3 into
 * Lambda (SAM's esbuild MainFields): the CommonJS builds of @smithy/* cannot be tree-shaken.
 */
const HANDLER_OPTIONS: BuildOptions = {
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
};

/**
 * What `sam build` passes to esbuild: `--bundle --platform=node --format=cjs --minify
 * --target=es2020` and, only when the template sets `MainFields`, `--main-fields`. Without it
 * esbuild reads `main` first for node: the CommonJS builds of @smithy/*, which it cannot
 * tree-shake (https://github.com/aws/aws-lambda-builders, workflows/nodejs_npm_esbuild).
 */
const samOptions = (sam: 'defaults' | 'module-first'): BuildOptions => ({
  platform: 'node',
  format: 'cjs',
  target: 'es2020',
  ...(sam === 'module-first' && { mainFields: ['module', 'main'] }),
});

const optionsOf = (entry: BundleEntry): BuildOptions =>
  entry.sam
    ? samOptions(entry.sam)
    : { ...(entry.browser ? PAGE_OPTIONS : HANDLER_OPTIONS), format: 'esm' };

/**
 * Bundles one handler (or page): minified, everything but node built-ins inlined.
 */
export async function bundleSize(entry: BundleEntry, distDir: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [join(__dirname, '..', 'bundles', entry.file)],
    bundle: true,
    minify: true,
    ...optionsOf(entry),
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: [...(entry.external ?? [])],
    plugins: [ourPackage(distDir, entry.browser ? 'browser.mjs' : 'index.mjs')],
  });
  const code = result.outputFiles![0].contents; // write: false always gives outputFiles
  return {
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    metafile: result.metafile!, // metafile: true always gives one
  };
}

/** The package an input file (a path relative to the working directory) belongs to. */
function ownerOf(path: string, distDir: string): string {
  if (path.startsWith(`${relative(process.cwd(), distDir)}/`))
    return 'aws-sigv4-interceptor (dist)';
  const match = /^.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (match) return match[1];
  return path.startsWith('bench/bundles/') ? 'the handler' : path;
}

/** Bytes in the output per package, largest first, and the largest single files. */
export function topInputs(metafile: Metafile, distDir: string, count: number) {
  const output = Object.values(metafile.outputs)[0];
  const byPackage = new Map<string, number>();
  const files: [string, number][] = [];
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const owner = ownerOf(path, distDir);
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + bytesInOutput);
    files.push([path.replace(/^.*node_modules\//, ''), bytesInOutput]);
  }
  const largest = (entries: Iterable<[string, number]>) =>
    [...entries].sort((a, b) => b[1] - a[1]).slice(0, count);
  return { packages: largest(byPackage), files: largest(files) };
}
