import { missingEqualSign } from '../errors';
import type { VerifyFailure } from '../../types';

/** An Authorization header split into its algorithm and its `key=value` parameters. @internal */
export interface ParsedAuthorization {
  ok: true;
  algorithm: string;
  params: Map<string, string>;
}

/**
 * Splits `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. Like AWS, it reads
 * the first word as the algorithm and every other run between spaces or commas as a parameter, so
 * `Credential= AKID/...` (a stray space) fails on the part without `=`, as it does on AWS.
 * @internal
 */
export function parseAuthorization(value: string): ParsedAuthorization | VerifyFailure {
  const [algorithm = '', ...parts] = value.trim().split(/[\s,]+/);
  const params = new Map<string, string>();
  for (const part of parts) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    if (equals < 0) return missingEqualSign(part);
    const key = part.slice(0, equals);
    // The first occurrence wins: a later duplicate cannot override what was parsed.
    if (!params.has(key)) params.set(key, part.slice(equals + 1));
  }
  return { ok: true, algorithm, params };
}
