/** Order statistics over timing samples. Inputs are never mutated. */

const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** The value below which `p` (0..1) of the samples fall, linearly interpolated. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const ordered = sorted(values);
  const index = (ordered.length - 1) * p;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return ordered[low] + (ordered[high] - ordered[low]) * (index - low);
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);
export const min = (values: readonly number[]): number => Math.min(...values);
export const max = (values: readonly number[]): number => Math.max(...values);

/** Median, min and max of one candidate's samples. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export const summarize = (values: readonly number[]): Summary => ({
  median: median(values),
  min: min(values),
  max: max(values),
});

/**
 * The median of the per-round ratios a[i] / b[i]. Both candidates ran in the same round, a few
 * milliseconds apart, so a burst of load from another process moves both: pairing cancels most
 * of it, where a ratio of two medians would not.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(pairedRatios(a, b));
}

/** The per-round ratios a[i] / b[i]. */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  const count = Math.min(a.length, b.length);
  const ratios: number[] = [];
  for (let i = 0; i < count; i++) ratios.push(a[i] / b[i]);
  return ratios;
}

/** A ratio with its spread: the median and the middle half (p25 – p75) of per-round values. */
export interface Spread {
  readonly median: number;
  readonly low: number;
  readonly high: number;
  readonly rounds: number;
}

export const spreadOf = (values: readonly number[]): Spread => ({
  median: median(values),
  low: percentile(values, 0.25),
  high: percentile(values, 0.75),
  rounds: values.length,
});

/**
 * The median per-round ratio of what `a` and `b` add on top of a common `base` (an unsigned
 * request through the same client): (a - base) / (b - base).
 */
export function pairedNetRatio(
  a: readonly number[],
  b: readonly number[],
  base: readonly number[],
): number {
  const count = Math.min(a.length, b.length, base.length);
  const ratios: number[] = [];
  for (let i = 0; i < count; i++) ratios.push((a[i] - base[i]) / (b[i] - base[i]));
  return median(ratios);
}
