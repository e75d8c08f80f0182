/**
 * A signing loop to profile: `tsx bench/profile/loop.ts <who> <shape> [seconds] [out]`
 * with who = ours | aws4 | floor | smithy | ours-fetch | ours-axios | axios-unsigned | aws4-axios
 * and shape = get | post1k | post1m | post1mBytes.
 * After one second of warm-up, profiles only the loop (node:inspector, 50 µs sampling: no
 * start-up, module loading or tsx in the profile) and writes it to `out` (default
 * <tmpdir>/<who>-<shape>.cpuprofile). Summarize it with bench/profile/summarize.ts.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axiosContenders } from '../candidates/axiosClients';
import { fetchContenders } from '../candidates/fetchers';
import { signerContenders } from '../candidates/signers';
import { GET, POST_1K, POST_1M, POST_1M_BYTES } from '../fixtures';

const SHAPES = { get: GET, post1k: POST_1K, post1m: POST_1M, post1mBytes: POST_1M_BYTES };
const WHO: Record<string, string> = {
  ours: 'ours: createSigner().sign',
  aws4: 'aws4.sign',
  floor: 'floor (node:crypto 2 SHA-256 + 1 HMAC)',
  smithy: '@smithy/signature-v4 (node:crypto hash)',
  'ours-fetch': 'ours: createSignedFetch',
  'ours-axios': 'ours: attachSigV4 (interceptor + signing adapter)',
  'axios-unsigned': 'unsigned: axios',
  'aws4-axios': 'aws4-axios (interceptor, through axios)',
};

async function main(): Promise<void> {
  const [who = 'ours', shape = 'get', seconds = '5', out] = process.argv.slice(2);
  const request = SHAPES[shape as keyof typeof SHAPES];
  const all = [
    ...signerContenders(request),
    ...fetchContenders(request),
    ...axiosContenders(request),
  ];
  const contender = all.find((c) => c.name === WHO[who]);
  if (!request || !contender)
    throw new Error(
      `usage: loop.ts ${Object.keys(WHO).join('|')} ${Object.keys(SHAPES).join('|')} [seconds]`,
    );
  const loop = async (ms: number) => {
    const until = Date.now() + ms;
    let calls = 0;
    for (; Date.now() < until; calls += 10) for (let i = 0; i < 10; i++) await contender.run();
    return calls;
  };
  await loop(1000);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await session.post('Profiler.start');
  const calls = await loop(Number(seconds) * 1000);
  const { profile } = await session.post('Profiler.stop');
  const file = out ?? join(tmpdir(), `${who}-${shape}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const perCall = (Number(seconds) * 1e6) / calls;
  process.stderr.write(
    `${who} ${shape}: ${calls} calls, ${perCall.toFixed(1)} µs per call -> ${file}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
