/** Markdown and number formatting for the printed and written results. */

/** A duration in nanoseconds, in the unit that keeps 3 significant digits readable. */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return 'n/a';
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toPrecision(3)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toPrecision(3)} ms`;
  return `${(ns / 1e9).toPrecision(3)} s`;
}

export const formatMs = (ms: number): string =>
  Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a';

/** A time ratio, e.g. `0.82x`. */
export const formatRatio = (ratio: number): string =>
  Number.isFinite(ratio) ? `${ratio.toFixed(ratio < 10 ? 2 : 1)}x` : 'n/a';

/** A ratio and the middle half of its per-round values, e.g. `1.04x (0.98–1.11)`. */
export const formatSpread = (spread: {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}): string =>
  `${formatRatio(spread.median)} (${formatRatio(spread.low).slice(0, -1)}–${formatRatio(spread.high)})`;

export const formatBytes = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;

export const formatRate = (perSecond: number): string =>
  perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toPrecision(3);

/** A GitHub-flavoured markdown table; the first column is left-aligned, the others right. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = header.map((_, i) => (i === 0 ? ':--' : '--:'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align), ...rows.map(line)].join('\n');
}
