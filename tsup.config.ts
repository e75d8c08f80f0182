import { basename, dirname, join, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

/**
 * The modules the browser build replaces, each by its namesake in src/browser/, with the same
 * exports: they reach Node (node:crypto through `process`, the environment, the SDK's Node
 * provider chain), load a package by a name a page cannot resolve, or follow redirects, which a
 * browser does itself. The rest of src/ is built unchanged.
 */
export const BROWSER_SWAPS = [
  'signing/sha256',
  'credentials/defaultCredentials',
  'credentials/sdkProviders',
  'exchange/redirectMode',
] as const;

const SRC = join(__dirname, 'src');

/** Resolves a relative import of a swapped module (from anywhere in src/) to its browser version. */
export const browserSwaps: Plugin = {
  name: 'aws-sigv4-interceptor:browser-swaps',
  setup(build) {
    const swapped = new Map(
      BROWSER_SWAPS.map((name) => [join(SRC, name), join(SRC, 'browser', `${basename(name)}.ts`)]),
    );
    build.onResolve({ filter: /^\.\.?\// }, ({ path, importer }) => {
      const target = swapped.get(resolve(dirname(importer), path).replace(/\.ts$/, ''));
      return target === undefined ? undefined : { path: target };
    });
  },
};

/** The one place the package loads axios (src/axios/loadAxios.ts). */
const AXIOS_IMPORT = /\bimport\((['"])axios\1\)/g;

/**
 * In the CommonJS builds, axios is loaded with `require`, as the caller's own CommonJS code
 * loads it: an `import()` there would load axios's ES module build beside the caller's CommonJS
 * one, a second copy of axios in the process (test/smoke/dual-package.cjs counts them). Written
 * as a literal `require("axios")` after esbuild, which would turn a `require` in the source into
 * a helper that bundlers cannot follow.
 */
export const requireAxiosInCommonJs: NonNullable<Options['plugins']>[number] = {
  name: 'aws-sigv4-interceptor:require-axios-in-commonjs',
  renderChunk(code) {
    if (this.format !== 'cjs') return undefined;
    return { code: code.replace(AXIOS_IMPORT, 'Promise.resolve().then(() => require("axios"))') };
  },
};

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      // The bin: src/cli/main.ts starts with a #! line, which esbuild keeps and tsup makes executable.
      cli: 'src/cli/main.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    // No clean here: the three builds write into one folder at the same time, and tsup's
    // declaration step removes every .d.ts under it whatever `clean` excludes. `npm run build`
    // empties dist/ first.
    clean: false,
    // No source maps: the output is not minified, so stack traces already point at readable code,
    // and maps would triple the published size (1.4 of 2.1 MB). test/smoke checks the size.
    sourcemap: false,
    splitting: true,
    treeshake: true,
    target: 'node20',
    external: ['axios'],
    plugins: [requireAxiosInCommonJs],
  },
  {
    // `aws-sigv4-interceptor/testing` runs in Node test processes only: one CommonJS build, which
    // `import` loads too (Node reads esbuild's export names), typed by one index.d.ts. It shares
    // no code with the signing side, so no state can split between two copies.
    entry: { 'testing/index': 'src/testing/index.ts' },
    format: ['cjs'],
    dts: true,
    clean: false,
    sourcemap: false,
    treeshake: true,
    target: 'node20',
  },
  {
    // package.json `exports["."].browser.import`: for a page's bundler, which re-bundles and
    // minifies it anyway, so it is published minified (the Node builds stay readable). A
    // CommonJS consumer with the browser condition (jest's jsdom environment) falls through to
    // the Node CommonJS build. Dependencies stay imports, for the page's bundler to resolve with
    // its browser conditions; typed by index.d.mts: the same public names.
    entry: { browser: 'src/index.ts' }, // the same public names, with the swaps above
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    dts: false,
    clean: false,
    sourcemap: false,
    splitting: false,
    treeshake: true,
    minify: true,
    external: ['axios'],
    esbuildPlugins: [browserSwaps],
  },
]);
