/**
 * Long fuzz runs: `npm run fuzz -- --runs N [--seed S] [--path P] [jest options...]`.
 * Runs test/fuzz with FUZZ_RUNS=N cases over all properties (default 10000), from seed S
 * (default: a fresh random one, printed so the run can be replayed), or replays one
 * counterexample with the `seed` and `path` a failure reports. Anything else goes to jest, e.g.
 * `--selectProjects 'axios 1.6.0'` for axios 1.6.0 only (both projects run by default).
 */
const { spawnSync } = require('node:child_process');
const { randomInt } = require('node:crypto');
const { join } = require('node:path');

const DEFAULT_RUNS = 10000;

function parse(argv) {
  const options = { runs: String(DEFAULT_RUNS), seed: undefined, path: undefined, jest: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const name = flag.replace(/^--/, '');
    if (['runs', 'seed', 'path'].includes(name)) {
      const value = argv[i + 1];
      if (value === undefined) throw new Error(`${flag} needs a value`);
      options[name] = value;
      i += 1;
    } else {
      options.jest.push(flag);
    }
  }
  for (const name of ['runs', 'seed']) {
    if (options[name] !== undefined && !/^\d+$/.test(options[name])) {
      throw new Error(`--${name} must be a non-negative integer, got ${options[name]}`);
    }
  }
  return options;
}

let options;
try {
  options = parse(process.argv.slice(2));
} catch (error) {
  console.error(`fuzz: ${error.message}`);
  process.exit(2);
}
const seed = options.seed ?? String(randomInt(2 ** 31));
const replay = `npm run fuzz -- --runs ${options.runs} --seed ${seed}`;
console.log(`fuzz: ${options.runs} cases from seed ${seed} (replay: ${replay})`);

const jest = require.resolve('jest/bin/jest');
const root = join(__dirname, '..', '..');
const result = spawnSync(process.execPath, [jest, 'test/fuzz', ...options.jest], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    FUZZ_RUNS: options.runs,
    FUZZ_SEED: seed,
    ...(options.path !== undefined && { FUZZ_PATH: options.path }),
  },
});
process.exit(result.status ?? 1);
