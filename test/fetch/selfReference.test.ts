/**
 * Every way of wiring a signed fetch back to itself settles, with a 200 or with a typed error
 * naming installSignedFetch, never a hang. The forms run in a process of their own
 * (selfReferenceForms.ts): a loop through promise jobs would starve this one, jest's timers
 * included, so the bound on that process is the only one that can still fire.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '../..');
/** Far more than the forms take; reached only by a form that never settles. */
const HANG_BOUND_MS = 20_000;

type Outcome = {
  form: string;
  status?: number;
  error?: { name: string; code?: string; message: string };
};

let outcomes: Outcome[] = [];
beforeAll(async () => {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const forms = join(__dirname, 'selfReferenceForms.ts');
  const run = promisify(execFile)(process.execPath, [tsx, forms], {
    cwd: ROOT,
    timeout: HANG_BOUND_MS,
    killSignal: 'SIGKILL',
  });
  const { stdout } = await run.catch((error: { stdout?: string; killed?: boolean }) => {
    if (!error.killed) throw error;
    return { stdout: error.stdout ?? '' }; // the forms that settled before the one that hung
  });
  outcomes = stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
});

const loopRefused = {
  error: {
    name: 'SigV4OptionsError',
    code: 'INVALID_OPTIONS',
    message: expect.stringMatching(/would send with itself.*installSignedFetch\(options\)/),
  },
};

const EXPECTED: Array<[form: string, outcome: Omit<Outcome, 'form'>]> = [
  ['the issue: globalThis.fetch = createSignedFetch(...), then fetch(...)', { status: 200 }],
  ['installSignedFetch over a signed fetch assigned by hand', { status: 200 }],
  ['a `fetch` option that calls the signed fetch itself', loopRefused],
  [
    'a `fetch` option calling globalThis.fetch, assigned to globalThis.fetch (signed URL)',
    loopRefused,
  ],
  ['the same, with a URL out of scope', loopRefused],
  ['a `fetch` option that awaits before calling globalThis.fetch, assigned to it', loopRefused],
  ['two signed fetches, each sending with the other', loopRefused],
  ['created while no global fetch exists, then assigned to globalThis.fetch', loopRefused],
];

test.each(EXPECTED)('%s: settles', (form, expected) => {
  expect(outcomes.find((outcome) => outcome.form === form)).toEqual({ form, ...expected });
});

test('every form ran, in order, none left hanging', () => {
  expect(outcomes.map(({ form }) => form)).toEqual(EXPECTED.map(([form]) => form));
});
