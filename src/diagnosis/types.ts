/**
 * The shapes of `diagnose`: what the signer recorded, how the server's computation differs from it,
 * and the explanation given for one failed answer. Imports only the failure kinds.
 */
import type { FailureKind } from './classify';

/** What our signer signed, recorded per request (secrets already redacted by the recorder). */
export interface SigningRecord {
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The URL signed, redacted. */
  readonly url: string;
  /** The region signed for; with SigV4A, the region set joined with commas (e.g. `*`). */
  readonly region: string;
  /** The service signed for, e.g. `execute-api`. */
  readonly service: string;
  /** Exactly as smithy built it (the `x-amz-security-token` value redacted to `'***'`). */
  readonly canonicalRequest: string;
  /** The string to sign: algorithm, date, credential scope and the canonical request's hash. */
  readonly stringToSign: string;
  /** The signed header names, lower case, in canonical (sorted) order. */
  readonly signedHeaders: readonly string[];
}

/** The part of a canonical request (or of the string to sign) a difference is in. */
export type CanonicalPart =
  'method' | 'path' | 'query' | 'header' | 'signed-headers' | 'payload-hash' | 'string-to-sign';

/** One line of difference between the canonical request we signed and the server's. */
export interface CanonicalDifference {
  /** The part that differs. */
  readonly part: CanonicalPart;
  /** The header or query parameter name; for `string-to-sign`: `algorithm`, `date` or `scope`. */
  readonly name?: string;
  /** What we signed (undefined: absent). */
  readonly signed?: string;
  /** What the server computed (undefined: absent). */
  readonly received?: string;
}

/** The parts of an answer `analyzeFailure` reads. */
export interface FailedAnswer {
  readonly status: number;
  /** The `x-amzn-ErrorType` header. */
  readonly errorType?: string | null;
  /** The error message of the body (see `messageOf`). */
  readonly message?: string;
}

/** A failed answer explained: what kind of failure, its likely cause and what to do. */
export interface Diagnosis {
  /** What kind of failure it is. */
  readonly kind: FailureKind;
  /** The HTTP status of the answer, e.g. 403. */
  readonly status: number;
  /** AWS's message, trimmed, with the canonical string and string-to-sign blocks cut off. */
  readonly message: string;
  /** One sentence: the likely cause. */
  readonly cause: string;
  /** One or two sentences: what to do. */
  readonly fix: string;
  /** wrong-scope: the values to sign with, when known. */
  readonly expected?: {
    /** The region the AWS host name names, when it differs from the one signed for. */
    readonly region?: string;
    /** The service the endpoint expects, as AWS's message names it. */
    readonly service?: string;
  };
  /** access-denied: the IAM action refused, e.g. `execute-api:Invoke`. */
  readonly action?: string;
  /** access-denied: the resource ARN to allow. */
  readonly resource?: string;
  /** access-denied: the caller's ARN. */
  readonly principal?: string;
  /** access-denied: a ready-to-paste IAM policy statement allowing exactly `action` on `resource`. */
  readonly policyStatement?: string;
  /** clock-skew: request time minus server time, in whole minutes (negative: the client is behind). */
  readonly skewMinutes?: number;
  /** signature-mismatch: the differences, when the server sent its canonical request and we have a record. */
  readonly differences?: readonly CanonicalDifference[];
  /** signature-mismatch: the server's canonical request (session token redacted), when it sent one. */
  readonly serverCanonicalRequest?: string;
}

/** What one kind's explainer adds to the common fields. @internal */
export type Explanation = Omit<Diagnosis, 'kind' | 'status' | 'message'>;
