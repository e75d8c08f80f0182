import { verifyRequest, type RawRequest } from 'aws-sigv4-interceptor/testing';
import { REGION, SERVICE } from '../fixtures';

/** Where a candidate sits: a bare signer, a fetch wrapper, or an axios instance. */
export type Level = 'signer' | 'fetch' | 'axios';

/** One way of signing a request, ready to be timed. */
export interface Contender {
  readonly name: string;
  readonly level: Level;
  /** Signs the request once (nothing is sent). */
  readonly run: () => unknown;
  /** The request the last `run` would have sent; absent for unsigned baselines. */
  readonly lastSent?: () => Promise<RawRequest>;
  /** True for the line every other candidate of its level is compared with. */
  readonly baseline?: boolean;
}

const textEncoder = new TextEncoder();

/** A request as the local endpoint's verifier takes it. */
export function rawRequest(
  method: string,
  target: string,
  headers: Iterable<[string, string | number]>,
  body: string | Uint8Array | ArrayBuffer | undefined,
): RawRequest {
  const bytes =
    body === undefined
      ? new Uint8Array()
      : typeof body === 'string'
        ? textEncoder.encode(body)
        : new Uint8Array(body);
  // aws4 leaves Content-Length a number; on the wire every header is text.
  const rawHeaders = [...headers].flatMap(([name, value]) => [name, String(value)]);
  return { method, rawUrl: target, rawHeaders, body: bytes };
}

/**
 * Checks, before any timing, that a candidate really signs the request: the local endpoint's
 * independent verifier must accept what it would send. A failure is reported, not hidden.
 */
export async function verifyContender(contender: Contender): Promise<string | undefined> {
  if (!contender.lastSent) return undefined;
  try {
    await contender.run();
    const result = verifyRequest(await contender.lastSent(), { region: REGION, service: SERVICE });
    return result.ok ? undefined : `${result.errorType}: ${result.message}`;
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
}
