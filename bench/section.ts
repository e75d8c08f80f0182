/** What every section of the benchmark takes and gives back. */

/** Settings shared by all sections for one run. */
export interface RunContext {
  /** `--quick`: fewer rounds and shorter batches, for a smoke run under a minute. */
  readonly quick: boolean;
  /** The built package (CommonJS `index.js` and ESM `index.mjs`), for cold start and bundles. */
  readonly distDir: string;
  /** Progress lines, to stderr, so that stdout holds only the results. */
  readonly log: (line: string) => void;
}

/** One of the targets, checked against this run's numbers. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  /** Undefined when the run could not decide (a candidate failed). */
  readonly met: boolean | undefined;
}

/** A section's results, as markdown ready for BENCHMARKS.md and the terminal. */
export interface SectionResult {
  readonly id: SectionId;
  readonly title: string;
  readonly markdown: string;
  readonly targets: readonly TargetCheck[];
}

export const SECTION_IDS = ['sign', 'hash', 'loopback', 'cold', 'credentials'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** A section: measures, then describes what it measured. */
export type Section = (context: RunContext) => Promise<SectionResult>;

/** A yes/no/unknown cell for a target table. */
export const verdict = (met: boolean | undefined): string =>
  met === undefined ? 'unknown' : met ? 'met' : 'MISSED';
