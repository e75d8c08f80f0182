/**
 * The README's TypeScript code blocks as modules that tsc can check: each block's `import` lines
 * stay at the top, its statements go into an async function (top-level `await` then type-checks
 * in CommonJS and ESM alike), and the placeholders a block uses without defining them (`idToken`,
 * `url`, ...) are declared before it. A block that uses any other undefined name fails to compile.
 * Used by test/readme (against the sources) and test/smoke/tarball.ts (against the packed package).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One ```ts block of the README. */
export interface Snippet {
  /** The README line of the block's first code line (1-based). */
  readonly line: number;
  /** The `##` heading the block is under. */
  readonly section: string;
  /** The code, as written. */
  readonly code: string;
}

/** The values a README block may use without defining: what the reader's own code has. */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  idToken: 'declare const idToken: string; // the signed-in user',
  api: "declare const api: import('axios').AxiosInstance;",
  url: 'declare const url: string;',
  signedFetch: 'declare const signedFetch: typeof fetch;',
  accessKeyId: 'declare const accessKeyId: string;',
  secretAccessKey: 'declare const secretAccessKey: string;',
  myVault: [
    'declare const myVault: {',
    '  awsKeys(): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;',
    '};',
  ].join('\n'),
};

export const README_PATH = join(__dirname, '..', '..', 'README.md');

/** Every ```ts block of a README text, in order. */
export function readmeSnippets(readme = readFileSync(README_PATH, 'utf8')): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = readme.split('\n');
  let section = '';
  for (let index = 0; index < lines.length; index++) {
    if (lines[index].startsWith('## ')) section = lines[index].slice(3);
    if (lines[index].trim() !== '```ts') continue;
    const end = lines.findIndex((line, at) => at > index && line.trim() === '```');
    if (end < 0) throw new Error(`README line ${index + 1}: a \`\`\`ts block never closes`);
    snippets.push({ line: index + 2, section, code: lines.slice(index + 1, end).join('\n') });
    index = end;
  }
  return snippets;
}

/** Splits a block into its import statements (which may span lines) and the rest. */
function splitImports(code: string): { imports: string[]; body: string[] } {
  const imports: string[] = [];
  const body: string[] = [];
  let open = false;
  for (const line of code.split('\n')) {
    if (open || /^import\b/.test(line)) {
      imports.push(line);
      open = !/;\s*(\/\/.*)?$/.test(line);
    } else body.push(line);
  }
  return { imports, body };
}

const defines = (code: string, name: string) =>
  new RegExp(String.raw`\b(const|let|var|function|class)\s+${name}\b`).test(code) ||
  new RegExp(String.raw`^import\b[^;]*\b${name}\b`, 'm').test(code);

/** The module tsc checks for one block; its first line names the block's README line. */
export function snippetModule(snippet: Snippet): string {
  const { imports, body } = splitImports(snippet.code);
  const placeholders = Object.entries(PLACEHOLDERS)
    .filter(([name]) => new RegExp(String.raw`\b${name}\b`).test(snippet.code))
    .filter(([name]) => !defines(snippet.code, name))
    .map(([, declaration]) => declaration);
  return [
    `// README.md line ${snippet.line} (${snippet.section})`,
    ...imports,
    ...placeholders,
    'export async function readmeSnippet(): Promise<void> {',
    ...body,
    '}',
    '',
  ].join('\n');
}

/** A tsc diagnostic line `file(line,col): error TS...: ...`, its file and line. */
export function diagnosticsOf(output: string): Array<{ file: string; line: number; text: string }> {
  return [...output.matchAll(/^(.+?)\((\d+),\d+\): (error TS\d+: .*)$/gm)].map((match) => ({
    file: match[1],
    line: Number(match[2]),
    text: match[3],
  }));
}
