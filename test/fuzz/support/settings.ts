import type { Parameters } from 'fast-check';

/**
 * How many random cases the fuzz properties run, and from which seed. CI runs the defaults: a
 * fixed seed, so a red build replays exactly; `npm run fuzz -- --runs N [--seed S]` sets
 * FUZZ_RUNS / FUZZ_SEED for long runs (test/fuzz/run.cjs).
 */
export const DEFAULT_SEED = 20261122;
/** Cases over all fuzz properties together in a plain `npm test`. */
export const DEFAULT_TOTAL_RUNS = 1000;

/** One case (one request per client) never takes this long unless it hangs. */
export const CASE_TIMEOUT_MS = 5_000;

/** Each property's share of the total: the two clients send real requests, the signer does not. */
export const SHARES = { axios: 0.4, fetch: 0.4, signer: 0.2 } as const;

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(text)}`);
  }
  return value;
}

export const fuzzSeed = (): number => positiveInteger('FUZZ_SEED', DEFAULT_SEED);
export const totalRuns = (): number => positiveInteger('FUZZ_RUNS', DEFAULT_TOTAL_RUNS);

/** The runs of one property: its share of the total, at least one. */
export const runsFor = (share: keyof typeof SHARES): number =>
  Math.max(1, Math.round(totalRuns() * SHARES[share]));

/**
 * fast-check parameters for one property. A failure reports `seed` and `path`; FUZZ_SEED=seed
 * FUZZ_PATH=path replays exactly that counterexample.
 */
export function fuzzParameters<T>(share: keyof typeof SHARES): Parameters<T> {
  const path = process.env.FUZZ_PATH || undefined;
  // A case that hangs fails on its own (and shrinks) instead of timing out the whole test.
  const timeout = CASE_TIMEOUT_MS;
  return { seed: fuzzSeed(), numRuns: runsFor(share), timeout, ...(path && { path }) };
}

/** A jest timeout that grows with the runs: 40 ms a case is ~10x what a case costs here. */
export const timeoutFor = (share: keyof typeof SHARES): number => 60_000 + runsFor(share) * 40;
