import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';

/** One Lambda handler to bundle, from bench/bundles/. */
export interface BundleEntry {
  readonly name: string;
  readonly file: string;
  /** Packages left out of the bundle, beyond node's built-ins (none by default). */
  readonly external?: readonly string[];
  /** A page's bundle: the package's browser entry, platform browser. @default a Lambda handler */
  readonly browser?: true;
}

export const BUNDLES: readonly BundleEntry[] = [
  { name: 'baseline: fetch, unsigned', file: 'baseline-fetch.ts' },
  { name: 'baseline: axios, unsigned', file: 'baseline-axios.ts' },
  { name: 'ours, fetch path (default env credentials)', file: 'ours-fetch.ts' },
  { name: 'ours, axios path (default env credentials)', file: 'ours-axios.ts' },
  {
    name: 'ours, fetch path, @aws-sdk/* external (the Lambda runtime ships SDK v3)',
    file: 'ours-fetch.ts',
    external: ['@aws-sdk/*'],
  },
  { name: 'aws4 + fetch (env)', file: 'aws4.ts' },
  { name: 'aws4-axios (default credentials)', file: 'aws4-axios.ts' },
  { name: 'aws-sigv4-fetch (default credentials)', file: 'aws-sigv4-fetch.ts' },
  { name: 'aws4fetch (env read by hand)', file: 'aws4fetch.ts' },
  { name: '@smithy/signature-v4 + sha256-js + fetch (env by hand)', file: 'smithy.ts' },
  {
    name: 'browser page: ours, fetch path (browser entry, credentials passed)',
    file: 'browser-fetch.ts',
    browser: true,
  },
  {
    name: 'browser page: ours, axios path (browser entry, axios included)',
    file: 'browser-axios.ts',
    browser: true,
  },
  {
    name: 'browser page: examples/browser (ours, axios, fromCognitoIdentityPool)',
    file: '../../examples/browser/main.ts',
    browser: true,
  },
];

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
 * Bundles one handler (or page): minified, ESM output, everything but node built-ins inlined.
 */
export async function bundleSize(entry: BundleEntry, distDir: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [join(__dirname, '..', 'bundles', entry.file)],
    bundle: true,
    minify: true,
    ...(entry.browser ? PAGE_OPTIONS : HANDLER_OPTIONS),
    format: 'esm',
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
