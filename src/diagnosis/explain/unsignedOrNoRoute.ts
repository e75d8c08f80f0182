/**
 * Explains "Missing Authentication Token": API Gateway says it both for a request without a
 * signature and, on REST APIs, for a route, method or stage that does not exist. DOMAIN.md §3.
 */
import type { Explanation, SigningRecord } from '../types';

const CHECKS =
  "Check the stage at the start of the path (e.g. '/prod/items'), the method and the resource path against the API's routes";

/**
 * Cause and fix; with a signing record the request was signed, so the route is the suspect; with
 * the reason this package sent it unsigned, that reason is the cause.
 * @internal
 */
export function explainUnsignedOrNoRoute(
  record?: SigningRecord,
  unsignedBecause?: string,
): Explanation {
  if (unsignedBecause) {
    return {
      cause: `The request was not signed: ${unsignedBecause}.`,
      fix: "Pass `region` and `service` (e.g. { region: 'eu-west-1', service: 'execute-api' }) or list the host in `hosts`, so that requests to it are signed.",
    };
  }
  if (record) {
    return {
      cause:
        'The request was signed, so the route, method or stage most likely does not exist (REST APIs answer an unknown route this way), unless a proxy dropped the Authorization header.',
      fix: `${CHECKS}; behind CloudFront or a proxy, make sure it forwards the Authorization, X-Amz-Date and X-Amz-Security-Token headers.`,
    };
  }
  return {
    cause:
      'The request carried no signature, or (REST APIs answer both the same way) the route, method or stage does not exist.',
    fix: `Check that the request's host is in the signer's \`hosts\` scope so that it gets signed. ${CHECKS}.`,
  };
}
