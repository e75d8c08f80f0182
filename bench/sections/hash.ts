import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { getPayloadHash } from '@smithy/signature-v4';
import { sha256Constructor, type HashConstructor } from '../../src/signing/sha256';
import { formatNs, formatRatio, table } from '../format';
import { measure, ratio, type Candidate } from '../harness';
import type { RunContext, SectionResult } from '../section';
import { jsonOfSize } from '../fixtures';

/**
 * Section 2: body hashing throughput. The floor is node:crypto's createHash over the bytes; ours
 * is the hash class the signer hands @smithy/signature-v4 (src/signing/sha256.ts), alone and through
 * smithy's getPayloadHash (what a signature really runs: string bodies are copied to a Buffer
 * first, then hex-encoded by a JS loop).
 */

const SIZES = [1024, 64 * 1024, 1024 * 1024];
const FLOOR = 'node:crypto createHash (bytes) = floor';

function candidates(size: number, Ours: HashConstructor): Candidate[] {
  const text = jsonOfSize(size);
  const bytes = new TextEncoder().encode(text);
  const ours = (data: Uint8Array) => {
    const hash = new Ours();
    hash.update(data);
    return hash.digest();
  };
  return [
    { name: FLOOR, run: () => createHash('sha256').update(bytes).digest() },
    {
      name: 'node:crypto createHash (string)',
      run: () => createHash('sha256').update(text).digest(),
    },
    { name: 'ours: src/sha256 class (bytes)', run: () => ours(bytes) },
    {
      name: 'ours via getPayloadHash (bytes)',
      run: () => getPayloadHash({ headers: {}, body: bytes } as never, Ours),
    },
    {
      name: 'ours via getPayloadHash (string)',
      run: () => getPayloadHash({ headers: {}, body: text } as never, Ours),
    },
    {
      name: '@aws-crypto/sha256-js (bytes)',
      run: () => {
        const hash = new Sha256();
        hash.update(bytes);
        return hash.digest();
      },
    },
    {
      name: 'WebCrypto subtle.digest (bytes; aws4fetch)',
      run: () => crypto.subtle.digest('SHA-256', bytes),
    },
  ];
}

/** Runs section 2 over 1 KB, 64 KB and 1 MB. */
export async function hashSection(context: RunContext): Promise<SectionResult> {
  const parts: string[] = [];
  for (const size of SIZES) {
    context.log(`hash: ${size} bytes`);
    const list = candidates(size, await sha256Constructor());
    const results = await measure(
      list,
      context.quick
        ? { rounds: 4, warmupRounds: 1, warmupMs: 30, batchMs: 10 }
        : { rounds: 12, warmupRounds: 2, warmupMs: 150, batchMs: 30 },
    );
    const floor = results.get(FLOOR)!;
    const rows = list.map(({ name }) => {
      const m = results.get(name)!;
      const mbPerS = size / 2 ** 20 / (m.median / 1e9);
      return [
        name,
        formatNs(m.median),
        `${formatNs(m.min)} – ${formatNs(m.max)}`,
        `${mbPerS.toFixed(mbPerS < 10 ? 1 : 0)} MB/s`,
        formatRatio(ratio(m, floor)),
      ];
    });
    parts.push(`### ${size >= 2 ** 20 ? `${size / 2 ** 20} MB` : `${size / 1024} KB`}`, '');
    parts.push(table(['hash', 'median', 'min – max', 'throughput', '÷ floor'], rows), '');
  }
  return {
    id: 'hash',
    title: '2. Body hashing throughput',
    markdown: [
      'SHA-256 of one body, digest included; candidates alternate round by round. MB = 2^20 bytes.',
      '',
      ...parts,
    ].join('\n'),
    targets: [],
  };
}
