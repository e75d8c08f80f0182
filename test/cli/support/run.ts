/** Runs the built CLI in a child process with an environment the test controls entirely. */
import { execFile } from 'node:child_process';
import { CLI, ROOT } from './build';

/** What the CLI did: its exit code, stdout as bytes, stderr as text. */
export interface CliResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

const TIMEOUT_MS = 20_000;

/**
 * `node dist/cli.js ...args` with exactly `env` (plus PATH) and optional stdin; resolves with
 * the exit code whatever it is, rejects only when the process had to be killed.
 */
export function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  stdin?: string | Uint8Array,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'buffer',
        timeout: TIMEOUT_MS,
      },
      (error, stdout, stderr) => {
        if (error?.killed || (error && typeof error.code !== 'number')) {
          reject(new Error(`the CLI did not exit within ${TIMEOUT_MS} ms: ${stderr.toString()}`));
          return;
        }
        resolve({
          code: (error?.code as number | undefined) ?? 0,
          stdout,
          stderr: stderr.toString(),
        });
      },
    );
    child.stdin?.end(stdin);
  });
}

/** What the tool prints after a 4xx answer without -v (nor -s). */
export const HINT = 'hint: add -v to see what was signed and why the server refused it\n';
