import { pairedRatio, summarize, type Summary } from './stats';

/** One operation to time. It may return a promise, which is awaited before the next call. */
export interface Candidate {
  readonly name: string;
  readonly run: () => unknown;
}

/** How long and how often to measure. */
export interface MeasureOptions {
  /** Rounds whose samples are kept. */
  readonly rounds: number;
  /** Rounds run first and thrown away (lazy loading, caches, load drift). */
  readonly warmupRounds: number;
  /**
   * Each candidate runs alone for this long before anything is timed. The JIT optimizes a
   * function after enough calls; a candidate with more code takes more calls (ours: about 2000
   * for the signer, measured), and a batch sized on a still-cold candidate would stay small
   * enough that its warm-up rounds never got it there.
   */
  readonly warmupMs: number;
  /** Each sample is a batch of calls lasting about this long. */
  readonly batchMs: number;
  /** Called after each round, for progress output. */
  readonly onRound?: (round: number, total: number) => void;
}

/** The samples of one candidate: nanoseconds per call, one per kept round. */
export interface Measured extends Summary {
  readonly name: string;
  readonly samples: readonly number[];
  readonly batch: number;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

/** Nanoseconds per call over a batch of `count` calls. Sync candidates are not awaited. */
async function timeBatch(run: () => unknown, count: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const result = run();
    if (isThenable(result)) await result;
  }
  return Number(process.hrtime.bigint() - start) / count;
}

/** Runs a candidate over and over for `ms`. */
async function warmUp(run: () => unknown, ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) await timeBatch(run, 16);
}

/** The batch size whose run lasts about `batchMs`: doubled until it does. */
async function calibrate(run: () => unknown, batchMs: number): Promise<number> {
  let count = 1;
  for (;;) {
    const nsPerCall = await timeBatch(run, count);
    if (nsPerCall * count >= batchMs * 1e6 || count >= 1 << 20) return count;
    count = Math.max(count * 2, Math.ceil((batchMs * 1e6) / Math.max(nsPerCall, 1)));
  }
}

const rotate = <T>(items: readonly T[], by: number): T[] => {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
};

/**
 * Times candidates side by side: every round runs one batch of each, starting with a different
 * candidate each round, so that drift in machine load spreads over all of them instead of
 * landing on whichever ran last.
 */
export async function measure(
  candidates: readonly Candidate[],
  options: MeasureOptions,
): Promise<Map<string, Measured>> {
  const batches = new Map<string, number>();
  for (const candidate of candidates) {
    await warmUp(candidate.run, options.warmupMs);
    batches.set(candidate.name, await calibrate(candidate.run, options.batchMs));
  }
  const samples = new Map<string, number[]>(candidates.map((c) => [c.name, []]));
  const total = options.warmupRounds + options.rounds;
  for (let round = 0; round < total; round++) {
    for (const candidate of rotate(candidates, round)) {
      const nsPerCall = await timeBatch(candidate.run, batches.get(candidate.name)!);
      if (round >= options.warmupRounds) samples.get(candidate.name)!.push(nsPerCall);
    }
    options.onRound?.(round + 1, total);
  }
  const results = new Map<string, Measured>();
  for (const { name } of candidates) {
    const kept = samples.get(name)!;
    results.set(name, { name, samples: kept, batch: batches.get(name)!, ...summarize(kept) });
  }
  return results;
}

/** `a` time over `b` time, paired by round (below 1: `a` is faster). */
export const ratio = (a: Measured, b: Measured): number => pairedRatio(a.samples, b.samples);
