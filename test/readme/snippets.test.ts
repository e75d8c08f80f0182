/**
 * Every ```ts block of the README type-checks (strict) against the sources: imports included,
 * with only the placeholders of test/support/readmeSnippets.ts declared. One tsc run checks them
 * all, beside a deliberately broken block that must fail, so the check itself can fail.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  diagnosticsOf,
  README_PATH,
  readmeSnippets,
  snippetModule,
  type Snippet,
} from '../support/readmeSnippets';

const ROOT = resolve(__dirname, '../..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const snippets = readmeSnippets();

const BROKEN: Snippet = {
  line: 0,
  section: 'a broken block',
  code: "import { createSignedFetch } from 'aws-sigv4-interceptor';\n\nawait createSignedFetch({ regoin: 'eu-west-1' })(undefinedName);",
};

let work: string;
let errors: ReturnType<typeof diagnosticsOf>;

beforeAll(async () => {
  // Inside the project, so that axios, ws and @types/node resolve from its node_modules.
  const parent = join(ROOT, 'node_modules', '.cache', 'aws-sigv4-interceptor-readme');
  mkdirSync(parent, { recursive: true });
  work = mkdtempSync(join(parent, 'run-'));
  const files = [...snippets, BROKEN].map((snippet, index) => {
    const file = join(work, index < snippets.length ? `snippet-${index + 1}.ts` : 'broken.ts');
    writeFileSync(file, snippetModule(snippet));
    return file;
  });
  const tsconfig = {
    extends: join(ROOT, 'tsconfig.json'),
    // Node's own globals only (no DOM): `WebSocket` and the like must come from an import.
    compilerOptions: { noEmit: true, lib: ['ES2022'], types: ['node'], noUnusedLocals: false },
    include: [],
    files,
  };
  writeFileSync(join(work, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const output = await promisify(execFile)(process.execPath, [TSC, '-p', work], {
    cwd: work,
  }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  errors = diagnosticsOf(output);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the README has TypeScript blocks, and every code block is ts, sh or text', () => {
  expect(snippets.length).toBeGreaterThanOrEqual(8);
  const fences = [...readFileSync(README_PATH, 'utf8').matchAll(/^```(\S+)$/gm)].map((m) => m[1]);
  expect(new Set(fences)).toEqual(new Set(['ts', 'sh', 'text']));
});

test('the quick start in the README is examples/quick-start/quick-start.mjs, verbatim', () => {
  const script = readFileSync(join(ROOT, 'examples', 'quick-start', 'quick-start.mjs'), 'utf8');
  expect(snippets.map(({ code }) => `${code}\n`)).toContain(script);
});

test('a broken block fails the check (wrong option name, undefined name)', () => {
  const broken = errors.filter(({ file }) => file.endsWith('broken.ts')).map(({ text }) => text);
  expect(broken).toEqual([
    expect.stringContaining("'regoin' does not exist"),
    expect.stringContaining("Cannot find name 'undefinedName'"),
  ]);
});

test.each(snippets.map((snippet, index) => [snippet.line, snippet.section, index] as const))(
  'README line %i (%s) type-checks',
  (_, __, index) => {
    const own = errors.filter(({ file }) => file.endsWith(`snippet-${index + 1}.ts`));
    const module = snippetModule(snippets[index]);
    expect({ errors: own.map(({ line, text }) => `${line}: ${text}`), module }).toEqual({
      errors: [],
      module,
    });
  },
);
