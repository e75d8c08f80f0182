/** The handlers and pages whose bundles section 4 measures (sources in bench/bundles/). */

/** One Lambda handler to bundle, from bench/bundles/. */
export interface BundleEntry {
  readonly name: string;
  readonly file: string;
  /** Packages left out of the bundle, beyond node's built-ins (none by default). */
  readonly external?: readonly string[];
  /** A page's bundle: the package's browser entry, platform browser. @default a Lambda handler */
  readonly browser?: true;
  /**
   * Bundled as `sam build` does (`BuildMethod: esbuild`): CommonJS, target es2020, with its
   * default main fields or with `MainFields: module,main`. @default the handler options below
   */
  readonly sam?: 'defaults' | 'module-first';
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
    name: "ours, fetch path, `sam build` defaults (CommonJS, esbuild's main fields)",
    file: 'ours-fetch.ts',
    sam: 'defaults',
  },
  {
    name: 'ours, fetch path, `sam build` with `MainFields: module,main`',
    file: 'ours-fetch.ts',
    sam: 'module-first',
  },
  {
    name: "ours, axios path, `sam build` defaults (CommonJS, esbuild's main fields)",
    file: 'ours-axios.ts',
    sam: 'defaults',
  },
  {
    name: 'ours, axios path, `sam build` with `MainFields: module,main`',
    file: 'ours-axios.ts',
    sam: 'module-first',
  },
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
