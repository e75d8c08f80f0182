/**
 * The likely cause of a signature mismatch, from the most telling difference between what we
 * signed and what the server computed. The order of the rules is the order of likelihood: a Host
 * rewrite also changes nothing else, while a re-encoded body changes only the payload hash.
 */
import { UNSIGNED_PAYLOAD } from '../../constants';
import type { CanonicalDifference } from '../types';

/** A cause and a fix. @internal */
export interface CauseAndFix {
  readonly cause: string;
  readonly fix: string;
}

type Rule = readonly [
  (difference: CanonicalDifference) => boolean,
  (difference: CanonicalDifference) => CauseAndFix,
];

const isHeader = (name: string) => (d: CanonicalDifference) =>
  d.part === 'header' && d.name === name;
const isPart = (part: CanonicalDifference['part']) => (d: CanonicalDifference) => d.part === part;
const quoted = (value: string | undefined) => (value === undefined ? 'nothing' : `'${value}'`);

const HOST: Rule = [
  isHeader('host'),
  (d) => ({
    cause: `The Host header was rewritten on the way (signed ${quoted(d.signed)}, the server received ${quoted(d.received)}): CloudFront or a proxy replaces Host with its origin's.`,
    fix: "Sign for the host the server receives: pass the origin (e.g. 'https://{api}.execute-api.{region}.amazonaws.com', plus any origin path) as the `signingOrigin` option, or have the proxy forward Host unchanged.",
  }),
];

const PATH: Rule = [
  isPart('path'),
  () => ({
    cause:
      'The path was encoded or rewritten after signing (double encoding, a base path mapping, or a proxy).',
    fix: 'Sign the path exactly as it is sent, percent-encoded once; on a custom domain sign the base path too, and keep proxies from rewriting it.',
  }),
];

const QUERY: Rule = [
  isPart('query'),
  (d) => ({
    cause:
      d.signed === undefined || d.received === undefined
        ? `The query parameter '${d.name}' was ${d.signed === undefined ? 'added' : 'removed'} after signing.`
        : `The query parameter '${d.name}' was re-encoded after signing (e.g. '+' instead of '%20', or brackets).`,
    fix: 'Send exactly the URL that was signed: no second params serializer after signing, and no proxy adding or re-encoding parameters.',
  }),
];

const PAYLOAD: Rule = [
  isPart('payload-hash'),
  (d) => ({
    cause:
      d.signed === UNSIGNED_PAYLOAD
        ? 'The body was signed as UNSIGNED-PAYLOAD (a stream the signer could not hash), which API Gateway rejects.'
        : 'The body sent is not the body signed: it was re-serialised after signing, or a proxy re-encoded it.',
    fix: 'Serialise the body once before signing (UTF-8 for text) and send exactly those bytes; a buffered body, not a stream, for API Gateway.',
  }),
];

const SIGNED_HEADERS: Rule = [
  isPart('signed-headers'),
  () => ({
    cause: 'A signed header was added or dropped on the way, so the SignedHeaders lists differ.',
    fix: 'Sign only headers that reach the server unchanged; headers an HTTP client or proxy manages should not be signed.',
  }),
];

const HEADER: Rule = [
  isPart('header'),
  (d) => ({
    cause: !d.received
      ? `The signed header '${d.name}' did not reach the server: a client or proxy dropped it.`
      : `The header '${d.name}' was changed after signing by a client or proxy.`,
    fix: `Give '${d.name}' its final value before signing, or keep the client or proxy from changing it (or from dropping it).`,
  }),
];

const METHOD: Rule = [
  isPart('method'),
  (d) => ({
    cause: `The method was changed after signing (signed ${d.signed}, the server received ${d.received}).`,
    fix: 'Sign the method that is actually sent; check for a method override or a proxy that rewrites it.',
  }),
];

const SCOPE: Rule = [
  isPart('string-to-sign'),
  () => ({
    cause:
      'The canonical requests match but the date or credential scope differs: the signature was computed for another region, service or date.',
    fix: "Sign with the endpoint's region and service (pass `region` and `service` for custom domains) and never reuse an X-Amz-Date from an earlier signature.",
  }),
];

const RULES: readonly Rule[] = [HOST, PATH, QUERY, PAYLOAD, SIGNED_HEADERS, HEADER, METHOD, SCOPE];

/** Everything matched: only the key differs. */
const WRONG_SECRET: CauseAndFix = {
  cause:
    'Everything signed matches what the server computed, so the secret access key does not belong to the access key id (a wrong or rotated secret).',
  fix: 'Use the secret access key issued with this access key id (both from the same source, e.g. one credentials provider); after a rotation, update both.',
};

/** The cause and fix for a list of differences (empty: a wrong secret). @internal */
export function mismatchCause(differences: readonly CanonicalDifference[]): CauseAndFix {
  for (const [matches, explain] of RULES) {
    const difference = differences.find(matches);
    if (difference) return explain(difference);
  }
  return WRONG_SECRET;
}
