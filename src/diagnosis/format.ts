/**
 * A diagnosis as text for a person: the kind and status, the cause, the fix, AWS's message, the
 * details of the kind, and for a signature mismatch one `- signed` / `+ server` pair per difference.
 */
import { describeType } from '../describeType';
import { SigV4RequestError } from '../errors';
import type { CanonicalDifference, Diagnosis } from './types';

const shown = (value: string | undefined) => (value === undefined ? '(absent)' : value);

function differenceLines({ part, name, signed, received }: CanonicalDifference): string[] {
  return [
    `  ${part}${name === undefined ? '' : ` ${name}`}`,
    `  - signed: ${shown(signed)}`,
    `  + server: ${shown(received)}`,
  ];
}

function detailLines(diagnosis: Diagnosis): string[] {
  const { expected, principal, action, resource, policyStatement } = diagnosis;
  const lines: string[] = [];
  if (expected?.region) lines.push(`Expected region: ${expected.region}`);
  if (expected?.service) lines.push(`Expected service: ${expected.service}`);
  if (principal) lines.push(`Principal: ${principal}`);
  if (action) lines.push(`Action: ${action}`);
  if (resource) lines.push(`Resource: ${resource}`);
  if (policyStatement) lines.push(`Policy statement: ${policyStatement}`);
  return lines;
}

function mismatchLines({ differences, serverCanonicalRequest }: Diagnosis): string[] {
  if (differences && differences.length > 0) {
    return [
      'Differences (what we signed vs what the server computed):',
      ...differences.flatMap(differenceLines),
    ];
  }
  if (differences === undefined && serverCanonicalRequest !== undefined) {
    return [
      "The server's canonical request:",
      ...serverCanonicalRequest.split('\n').map((line) => `  ${line}`),
    ];
  }
  return [];
}

/**
 * Formats a diagnosis as multi-line text. Holds nothing secret: a diagnosis holds none.
 * @example
 * signature-mismatch (HTTP 403): The Host header was rewritten on the way (...)
 * Fix: Sign for the host the server receives: ...
 * AWS: The request signature we calculated does not match the signature you provided. ...
 * Differences (what we signed vs what the server computed):
 *   header host
 *   - signed: d111111abcdef8.cloudfront.net
 *   + server: abc123.execute-api.eu-west-1.amazonaws.com
 */
export function formatDiagnosis(diagnosis: Diagnosis): string {
  if (typeof diagnosis !== 'object' || diagnosis === null) {
    throw new SigV4RequestError(
      'INVALID_REQUEST',
      `Cannot format \`diagnosis\`: it is ${describeType(diagnosis)}`,
      'pass what diagnose() resolved to once it is defined: diagnose() resolves to undefined for a response that is no refusal of a signed request',
    );
  }
  return [
    `${diagnosis.kind} (HTTP ${diagnosis.status}): ${diagnosis.cause}`,
    `Fix: ${diagnosis.fix}`,
    ...(diagnosis.message ? [`AWS: ${diagnosis.message}`] : []),
    ...detailLines(diagnosis),
    ...mismatchLines(diagnosis),
  ].join('\n');
}
