/**
 * The projects test/smoke/tarball.ts builds around the packed package, as users set them up:
 * their package.json type, tsconfig and files. TypeScript projects are strict and check library
 * declarations too (`skipLibCheck: false`), with Node's globals only (no DOM).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeSnippets, snippetModule } from '../support/readmeSnippets';

/** One consumer project: its files, and how to prove it works. */
export interface Consumer {
  readonly name: string;
  readonly type: 'commonjs' | 'module';
  /** Left out of node_modules, to prove the types hold without them. */
  readonly without?: readonly string[];
  readonly files: Readonly<Record<string, string>>;
  /** `tsc -p .` must pass (TypeScript projects). */
  readonly typecheck?: true;
  /** `node <file>` must exit 0 and print each of `prints`. */
  readonly run?: { readonly file: string; readonly prints: readonly string[] };
}

const ROOT = join(__dirname, '..', '..');
const QUICK_START = readFileSync(join(ROOT, 'examples', 'quick-start', 'quick-start.mjs'), 'utf8');

const tsconfig = (module: string, moduleResolution: string) =>
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      lib: ['ES2022'],
      types: ['node'],
      module,
      moduleResolution,
      esModuleInterop: true,
      skipLibCheck: false,
    },
  });

/** The package's types in use beyond the README: signingOptions, SigningHeaders, diagnosisOf. */
const typeUses = (axios: boolean) =>
  [
    ...(axios ? ["import axios from 'axios';"] : []),
    "import { createSigner, diagnosisOf, type Diagnosis, type SigV4Options } from 'aws-sigv4-interceptor';",
    "import { startLocalIamEndpoint, type LocalSigningOptions } from 'aws-sigv4-interceptor/testing';",
    'export async function typeUses(error: unknown): Promise<Diagnosis | undefined> {',
    "  const endpoint = await startLocalIamEndpoint({ region: 'eu-west-1' });",
    '  const local: LocalSigningOptions = endpoint.signingOptions;',
    '  const options: SigV4Options = local;',
    "  const headers = await createSigner(options).sign({ method: 'GET', url: endpoint.url });",
    '  await fetch(endpoint.url, { headers });',
    '  new Headers(headers).get(`authorization`);',
    ...(axios ? ['  await axios.get(endpoint.url, { headers });'] : []),
    '  await endpoint.close();',
    '  return diagnosisOf(error);',
    '}',
    '',
  ].join('\n');

/** README blocks plus the type uses, named with `extension`. */
function typeScriptFiles(extension: string): Record<string, string> {
  const files: Record<string, string> = { [`uses${extension}`]: typeUses(true) };
  readmeSnippets().forEach((snippet, index) => {
    files[`readme-${index + 1}${extension}`] = snippetModule(snippet);
  });
  return files;
}

const runtimeCheck = (load: string) =>
  [
    load,
    "const endpoint = await startLocalIamEndpoint({ region: 'eu-west-1' });",
    'const response = await createSignedFetch(endpoint.signingOptions)(`${endpoint.url}/prod/x`);',
    'await endpoint.close();',
    "console.log('status', response.status);",
  ].join('\n');

export const CONSUMERS: readonly Consumer[] = [
  {
    name: 'CommonJS (require)',
    type: 'commonjs',
    files: {
      'index.cjs': `(async () => {\n${runtimeCheck(
        "const { createSignedFetch } = require('aws-sigv4-interceptor');\n" +
          "const { startLocalIamEndpoint } = require('aws-sigv4-interceptor/testing');",
      )}\n})();\n`,
    },
    run: { file: 'index.cjs', prints: ['status 200'] },
  },
  {
    name: 'ESM (import), the quick start',
    type: 'module',
    files: {
      'quick-start.mjs': QUICK_START,
      'index.mjs': runtimeCheck(
        "import { createSignedFetch } from 'aws-sigv4-interceptor';\n" +
          "import { startLocalIamEndpoint } from 'aws-sigv4-interceptor/testing';",
      ),
    },
    run: { file: 'quick-start.mjs', prints: ['signed: 200', 'unsigned: 403'] },
  },
  {
    name: 'TypeScript node16, ESM (.mts) and CommonJS (.cts) files',
    type: 'module',
    typecheck: true,
    files: {
      'tsconfig.json': tsconfig('Node16', 'Node16'),
      ...typeScriptFiles('.mts'),
      ...typeScriptFiles('.cts'),
    },
  },
  {
    name: 'TypeScript bundler',
    type: 'module',
    typecheck: true,
    files: { 'tsconfig.json': tsconfig('ESNext', 'Bundler'), ...typeScriptFiles('.ts') },
  },
  {
    name: 'TypeScript moduleResolution node (node10, the SAM template default)',
    type: 'commonjs',
    typecheck: true,
    files: { 'tsconfig.json': tsconfig('CommonJS', 'Node'), ...typeScriptFiles('.ts') },
  },
  {
    name: 'TypeScript node16 without axios installed (fetch only)',
    type: 'commonjs',
    without: ['axios', 'axios-oldest', 'aws4-axios'],
    typecheck: true,
    files: { 'tsconfig.json': tsconfig('Node16', 'Node16'), 'uses.ts': typeUses(false) },
  },
];
