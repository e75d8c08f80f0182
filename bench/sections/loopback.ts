import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { GET, POST_1K, type BenchRequest } from '../fixtures';
import { formatRate, formatRatio, formatSpread, table } from '../format';
import { loopbackClients, type LoopbackClient } from '../loopback/clients';
import type { RunContext, SectionResult, TargetCheck } from '../section';
import {
  max,
  median,
  min,
  pairedRatio,
  pairedRatios,
  percentile,
  spreadOf,
  type Spread,
} from '../stats';

/**
 * Section 3: real requests over loopback. Like is compared with like: signed and unsigned
 * requests go to the same plain node:http server (200 whatever the request), so the difference
 * is the client's signing work. The IAM-verifying endpoint is measured apart (it verifies
 * signed requests and refuses unsigned ones early with a 403, so its two rows are not alike).
 */

type Target = 'plain' | 'iam';
interface Job {
  readonly key: string;
  readonly client: LoopbackClient;
  readonly target: Target;
  readonly concurrency: number;
  readonly request: BenchRequest;
}
interface Samples {
  readonly rps: number[];
  readonly latencies: number[];
  readonly statuses: Set<number>;
}

async function startServers(): Promise<{ child: ChildProcess; origins: Record<Target, string> }> {
  const child = fork(join(__dirname, '..', 'loopback', 'server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const origins = await new Promise<Record<Target, string>>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Record<Target, string>));
    child.once('exit', (code) => reject(new Error(`loopback server exited with ${code}`)));
  });
  return { child, origins };
}

/** `count` requests, `concurrency` in flight at a time; the batch's requests/s and latencies. */
async function batch(job: Job, origin: string, count: number, into: Samples, keep: boolean) {
  let started = 0;
  const latencies: number[] = [];
  const worker = async () => {
    while (started < count) {
      started++;
      const t0 = performance.now();
      into.statuses.add(await job.client.send(origin, job.request));
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const elapsedS = (performance.now() - t0) / 1000;
  if (!keep) return;
  into.rps.push(count / elapsedS);
  into.latencies.push(...latencies);
}

function jobsFor(requests: readonly BenchRequest[]): Job[] {
  const clients = loopbackClients();
  const jobs: Job[] = [];
  for (const request of requests) {
    for (const concurrency of [1, 50]) {
      for (const client of clients) {
        jobs.push({
          key: `${request.id}|plain|${concurrency}|${client.name}`,
          client,
          target: 'plain',
          concurrency,
          request,
        });
      }
      for (const client of clients.filter(
        (c) => c.name.endsWith('unsigned') || c.name.endsWith('ours'),
      )) {
        jobs.push({
          key: `${request.id}|iam|${concurrency}|${client.name}`,
          client,
          target: 'iam',
          concurrency,
          request,
        });
      }
    }
  }
  return jobs;
}

const unsignedKey = (job: Job) => job.key.replace(/\|[^|]+$/, `|${job.client.client} unsigned`);

function render(jobs: readonly Job[], samples: Map<string, Samples>): string {
  const parts: string[] = [];
  const groups = new Map<string, Job[]>();
  for (const job of jobs) {
    const title = `${job.request.label}, ${job.target === 'plain' ? 'plain node:http server' : 'IAM-verifying endpoint'}`;
    groups.set(title, [...(groups.get(title) ?? []), job]);
  }
  for (const [title, group] of groups) {
    const rows = group.map((job) => {
      const s = samples.get(job.key)!;
      const base = samples.get(unsignedKey(job))!;
      return [
        `${job.client.name}, ${job.concurrency === 1 ? 'sequential' : `${job.concurrency} concurrent`}`,
        formatRate(median(s.rps)),
        `${formatRate(min(s.rps))} – ${formatRate(max(s.rps))}`,
        `${percentile(s.latencies, 0.5).toFixed(2)} ms`,
        `${percentile(s.latencies, 0.99).toFixed(2)} ms`,
        job.client.signed ? formatRatio(pairedRatio(base.rps, s.rps)) : '',
        [...s.statuses].join(', '),
      ];
    });
    parts.push(
      `### ${title}`,
      '',
      table(
        ['client', 'req/s median', 'min – max', 'p50', 'p99', 'signed ÷ unsigned (time)', 'status'],
        rows,
      ),
      '',
    );
  }
  return parts.join('\n');
}

/** A signed client's time ÷ its client unsigned, per round, with the spread. */
const signedOverUnsigned = (job: Job, samples: Map<string, Samples>): Spread =>
  spreadOf(pairedRatios(samples.get(unsignedKey(job))!.rps, samples.get(job.key)!.rps));

const PEERS: Readonly<Record<LoopbackClient['client'], readonly string[]>> = {
  axios: ['axios + aws4-axios'],
  fetch: ['fetch + aws-sigv4-fetch', 'fetch + aws4fetch'],
};

/**
 * The issue's loopback targets, per request shape and mode: our signed ÷ unsigned no more than
 * the peer's (axios: aws4-axios; fetch: the best of the fetch peers), medians compared.
 */
function targets(jobs: readonly Job[], samples: Map<string, Samples>): TargetCheck[] {
  const plain = jobs.filter((job) => job.target === 'plain' && job.client.signed);
  return plain
    .filter((job) => job.client.name.endsWith('ours'))
    .map((ours) => {
      const mine = signedOverUnsigned(ours, samples);
      const peers = plain
        .filter((p) => p.request === ours.request && p.concurrency === ours.concurrency)
        .filter((p) => PEERS[ours.client.client].includes(p.client.name))
        .map((p) => ({
          name: p.client.name.split(' + ')[1],
          spread: signedOverUnsigned(p, samples),
        }))
        .sort((a, b) => a.spread.median - b.spread.median);
      const best = peers[0];
      const mode = ours.concurrency === 1 ? 'sequential' : `${ours.concurrency} concurrent`;
      const peerWords = ours.client.client === 'axios' ? "aws4-axios's" : "the best fetch peer's";
      return {
        target: `loopback ${ours.request.label}, ${ours.client.client} ${mode}: signed ÷ unsigned <= ${peerWords}`,
        measured: `ours ${formatSpread(mine)}; ${peers.map((p) => `${p.name} ${formatSpread(p.spread)}`).join('; ')}`,
        met: mine.median <= best.spread.median,
      };
    });
}

/** Runs section 3. */
export async function loopbackSection(context: RunContext): Promise<SectionResult> {
  const { child, origins } = await startServers();
  try {
    const requests = context.quick ? [GET] : [GET, POST_1K];
    const jobs = jobsFor(requests);
    const samples = new Map<string, Samples>(
      jobs.map((j) => [j.key, { rps: [], latencies: [], statuses: new Set() }]),
    );
    const rounds = context.quick ? 2 : 8;
    for (let round = 0; round <= rounds; round++) {
      context.log(`loopback: round ${round}/${rounds}${round === 0 ? ' (warm-up)' : ''}`);
      const order = [...jobs.slice(round % jobs.length), ...jobs.slice(0, round % jobs.length)];
      for (const job of order) {
        const count =
          job.concurrency === 1 ? (context.quick ? 60 : 200) : context.quick ? 300 : 1000;
        await batch(job, origins[job.target], count, samples.get(job.key)!, round > 0);
      }
    }
    return {
      id: 'loopback',
      title: '3. Loopback end to end',
      markdown: [
        'Requests to 127.0.0.1 through axios (http adapter) and global fetch (undici), keep-alive on',
        "(Node's defaults), the servers in a child process. Each sample is one batch (200 sequential",
        'or 1000 at 50 in flight; fewer with `--quick`); batches alternate round by round; p50/p99',
        'over every request of the kept rounds. `signed ÷ unsigned` is the median per-round ratio of',
        'time per request against the same client unsigned on the same server (1.00x: free); the',
        'targets add the middle half of the rounds (p25–p75) in brackets.',
        '',
        render(jobs, samples),
      ].join('\n'),
      targets: targets(jobs, samples),
    };
  } finally {
    child.kill();
  }
}
