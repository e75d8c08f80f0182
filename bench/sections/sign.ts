import { axiosContenders } from '../candidates/axiosClients';
import { verifyContender, type Contender, type Level } from '../candidates/contender';
import { fetchContenders } from '../candidates/fetchers';
import { signerContenders } from '../candidates/signers';
import { GET, POST_1K, POST_1M, POST_1M_BYTES, type BenchRequest } from '../fixtures';
import { formatNs, formatRatio, formatSpread, table } from '../format';
import { measure, ratio, type Measured } from '../harness';
import type { RunContext, SectionResult, TargetCheck } from '../section';
import { pairedNetRatio, pairedRatios, spreadOf, type Spread } from '../stats';

/** Section 1: the cost of signing one request, nothing sent, every candidate side by side. */

const LEVEL_TITLES: Record<Level, string> = {
  signer: 'bare signers (request → signing headers)',
  fetch: 'fetch wrappers (fetch call → signed request handed to a fetch that sends nothing)',
  axios: 'axios (instance.request → signed config handed to an adapter that sends nothing)',
};

/** The measured results of one request shape. */
export interface ShapeResult {
  readonly request: BenchRequest;
  readonly contenders: readonly Contender[];
  readonly results: ReadonlyMap<string, Measured>;
  readonly verification: ReadonlyMap<string, string | undefined>;
}

const FLOOR = 'floor (node:crypto 2 SHA-256 + 1 HMAC)';
const oursAt = (contenders: readonly Contender[], level: Level) =>
  contenders.find((c) => c.level === level && c.name.startsWith('ours'))!;
const baselineAt = (contenders: readonly Contender[], level: Level) =>
  contenders.find((c) => c.level === level && c.baseline)!;

function levelTable(shape: ShapeResult, level: Level): string {
  const at = (c: Contender) => shape.results.get(c.name);
  const floor = shape.results.get(FLOOR)!;
  const ours = at(oursAt(shape.contenders, level))!;
  const base = at(baselineAt(shape.contenders, level))!;
  const rows = shape.contenders
    .filter((c) => c.level === level)
    .map((c) => {
      const m = at(c);
      const failure = shape.verification.get(c.name);
      if (!m) return [c.name, 'n/a', '', '', '', '', `NO: ${failure}`];
      return [
        c.name,
        formatNs(m.median),
        `${formatNs(m.min)} – ${formatNs(m.max)}`,
        formatRatio(ratio(m, floor)),
        level === 'signer' ? '' : formatRatio(ratio(m, base)),
        m === ours || c.baseline ? '' : formatRatio(ratio(ours, m)),
        c.lastSent ? (failure === undefined ? 'yes' : `NO: ${failure}`) : 'n/a',
      ];
    });
  return table(
    ['candidate', 'median', 'min – max', '÷ floor', '÷ unsigned', 'ours ÷ this', 'verified'],
    rows,
  );
}

async function measureShape(request: BenchRequest, context: RunContext): Promise<ShapeResult> {
  const contenders = [
    ...signerContenders(request),
    ...fetchContenders(request),
    ...axiosContenders(request),
  ];
  const verification = new Map<string, string | undefined>();
  for (const c of contenders) verification.set(c.name, await verifyContender(c));
  // A candidate that cannot sign this request at all is reported, not timed.
  const runnable = contenders.filter((c) => !verification.get(c.name)?.startsWith('threw'));
  const results = await measure(
    runnable,
    context.quick
      ? { rounds: 4, warmupRounds: 1, warmupMs: 50, batchMs: 10 }
      : { rounds: 15, warmupRounds: 3, warmupMs: 300, batchMs: 40 },
  );
  return { request, contenders, results, verification };
}

const get = (shape: ShapeResult, name: string) => shape.results.get(name)!;

/** (ours − unsigned) ÷ (peer − unsigned) at one client level: what signing adds, compared. */
function netRatio(shape: ShapeResult, level: Level, peer: string): number {
  const ours = get(shape, oursAt(shape.contenders, level).name);
  const base = get(shape, baselineAt(shape.contenders, level).name);
  return pairedNetRatio(ours.samples, get(shape, peer).samples, base.samples);
}

/** Ours ÷ a candidate of the same shape, paired by round, with its spread. */
const versus = (shape: ShapeResult, ours: string, other: string) =>
  spreadOf(pairedRatios(get(shape, ours).samples, get(shape, other).samples));

const OUR_SIGNER = 'ours: createSigner().sign';
const SMITHY = '@smithy/signature-v4 (node:crypto hash)';
/** The client paths with nothing sent, each against the peer the issue names for it. */
const CLIENT_PEERS = [
  ['axios', 'aws4-axios (interceptor, through axios)', 'aws4-axios'],
  ['fetch', 'aws-sigv4-fetch createSignedFetcher', 'aws-sigv4-fetch'],
] as const;

/** A "ratio <= limit" target: met when the median per-round ratio is within it. */
function ratioTarget(target: string, spread: Spread, limit: number, note = ''): TargetCheck {
  return { target, measured: `${formatSpread(spread)}${note}`, met: spread.median <= limit };
}

function targets(shapes: readonly ShapeResult[]): TargetCheck[] {
  const [getShape, post1k, ...oneMegabyte] = shapes;
  const checks: TargetCheck[] = [];
  for (const shape of [getShape, post1k]) {
    const label = `sign-only ${shape.request.label}`;
    checks.push(
      ratioTarget(
        `${label}: our signer <= 1.15x raw ${SMITHY}`,
        versus(shape, OUR_SIGNER, SMITHY),
        1.15,
      ),
    );
    for (const [level, peer, short] of CLIENT_PEERS) {
      const ours = oursAt(shape.contenders, level).name;
      const net = formatRatio(netRatio(shape, level, peer));
      checks.push(
        ratioTarget(
          `${label}: ${level} path, nothing sent, <= ${short} doing the same`,
          versus(shape, ours, peer),
          1,
          `; added cost ÷ peer's ${net}`,
        ),
      );
    }
  }
  for (const shape of oneMegabyte) {
    checks.push(
      ratioTarget(
        `${shape.request.label}: our signer <= 1.1x the node:crypto floor`,
        versus(shape, OUR_SIGNER, FLOOR),
        1.1,
      ),
    );
  }
  return checks;
}

/** Runs section 1 over the four request shapes. */
export async function signSection(context: RunContext): Promise<SectionResult> {
  const shapes: ShapeResult[] = [];
  for (const request of [GET, POST_1K, POST_1M, POST_1M_BYTES]) {
    context.log(`sign: ${request.label}`);
    shapes.push(await measureShape(request, context));
  }
  const parts = shapes.flatMap((shape) => [
    `### ${shape.request.label}`,
    ...(['signer', 'fetch', 'axios'] as const).flatMap((level) => [
      `*${LEVEL_TITLES[level]}*`,
      levelTable(shape, level),
    ]),
  ]);
  return {
    id: 'sign',
    title: '1. Sign-only cost',
    markdown: [
      'Per call, nothing sent; all 14 candidates of a request shape alternate round by round in one',
      'process. Ratios are medians of per-round ratios (time ÷ time; below 1.00x the left side is',
      'faster). `ours ÷ this` compares with ours at the same level. `verified`: the local',
      "endpoint's independent verifier accepted what the candidate would send. Targets give the",
      'median per-round ratio and, in brackets, the middle half of the rounds (p25–p75).',
      '',
      ...parts.flatMap((part) => [part, '']),
    ].join('\n'),
    targets: targets(shapes),
  };
}
