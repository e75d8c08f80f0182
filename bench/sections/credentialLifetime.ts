import { setTimeout as sleep } from 'node:timers/promises';
import { clearCredentialCache } from 'aws-sigv4-interceptor';
import { FACTORIES, NO_PROVIDER, type Factory } from '../candidates/credentialClients';
import { CREDENTIALS } from '../fixtures';
import { table } from '../format';
import type { TargetCheck } from '../section';

/**
 * Section 5, second part: one container's credential lifetime under bursts of concurrent
 * requests. A provider whose credentials expire just after our refresh margin (5 minutes, the
 * SDK's) serves a burst at cold start, a second burst while they are valid, and a third once
 * they have entered the refresh window: the next lifetime. Counts, not times.
 */

const BURST = 200;
const REFRESH_MARGIN_MS = 5 * 60_000;
/** How long the credentials stay out of the refresh window. */
const FRESH_MS = 300;

/** Provider calls for the three bursts of one client. */
async function lifetimeCalls(factory: Factory): Promise<readonly number[]> {
  clearCredentialCache();
  let calls = 0;
  const provider = () => {
    calls += 1;
    const expiration = new Date(Date.now() + REFRESH_MARGIN_MS + FRESH_MS);
    return Promise.resolve({ ...CREDENTIALS, expiration });
  };
  const sign = factory(provider);
  const counts: number[] = [];
  for (const pause of [0, 0, FRESH_MS + 100]) {
    await sleep(pause);
    const before = calls;
    await Promise.all(Array.from({ length: BURST }, () => sign()));
    counts.push(calls - before);
  }
  return counts;
}

/** The table of every client that takes a provider, and the target for ours. */
export async function lifetimeResults(
  log: (line: string) => void,
): Promise<{ markdown: string; target: TargetCheck }> {
  const rows: string[][] = [];
  let ours: readonly number[] = [];
  for (const [name, factory] of Object.entries(FACTORIES)) {
    if (NO_PROVIDER.has(name)) continue;
    log(`credentials: one lifetime, ${name}`);
    const calls = await lifetimeCalls(factory);
    if (name.startsWith('ours')) ours = calls;
    rows.push([name, ...calls.map(String)]);
  }
  const markdown = table(
    [
      `client (provider calls per burst of ${BURST} concurrent requests)`,
      'cold start',
      'again, credentials valid',
      'credentials in their refresh window',
    ],
    rows,
  );
  const [cold, warm, next] = ours;
  return {
    markdown,
    target: {
      target: `one resolution per container per credential lifetime under ${BURST} concurrent cold requests (ours)`,
      measured: `${cold} at cold start, ${warm} more in the same lifetime, ${next} for the next lifetime`,
      met: cold === 1 && warm === 0 && next === 1,
    },
  };
}
