import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

/**
 * The modules the browser build replaces, each by its namesake in src/browser/, with the same
 * exports: they reach Node (node:crypto through `process`, the environment, the SDK's Node
 * provider chain), load a package by a name a page cannot resolve, or follow redirects, which a
 * browser does itself. The rest of src/ is built unchanged.
 */
export const BROWSER_SWAPS = [
  'sha256',
  'defaultCredentials',
  'sdkProviders',
  'redirectMode',
] as const;

const SRC = join(__dirname, 'src');

/** Resolves a relative import of a swapped module (from anywhere in src/) to its browser version. */
export const browserSwaps: Plugin = {
  name: 'aws-sigv4-interceptor:browser-swaps',
  setup(build) {
    const swapped = new Map(
      BROWSER_SWAPS.map((name) => [join(SRC, name), join(SRC, 'browser', `${name}.ts`)]),
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
      'testing/index': 'src/testing/index.ts',
      // The bin: src/cli/main.ts starts with a #! line, which esbuild keeps and tsup makes executable.
      cli: 'src/cli/main.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    // The browser build below writes into the same folder at the same time: not its files.
    clean: ['!browser.js', '!browser.mjs'],
    // No source maps: the output is not minified, so stack traces already point at readable code,
    // and maps would triple the published size (1.4 of 2.1 MB). test/packaging checks the size.
    sourcemap: false,
    splitting: true,
    treeshake: true,
    target: 'node20',
    external: ['axios'],
    plugins: [requireAxiosInCommonJs],
  },
  {
    // package.json `exports["."].browser`: one file per format (CommonJS for test runners that
    // pick the browser condition, such as jest's jsdom environment), typed by index.d.(m)ts: the
    // same public names. Dependencies stay imports, for the page's bundler to resolve with its
    // browser conditions.
    entry: { browser: 'src/index.ts' }, // the same public names, with the swaps above
    format: ['esm', 'cjs'],
    platform: 'browser',
    target: 'es2022',
    dts: false,
    clean: false,
    sourcemap: false,
    splitting: false,
    treeshake: true,
    external: ['axios'],
    esbuildPlugins: [browserSwaps],
    plugins: [requireAxiosInCommonJs],
  },
]);
