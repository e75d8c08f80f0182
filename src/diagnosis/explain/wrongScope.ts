/**
 * Explains "Credential should be scoped to a valid region, not 'us-east-1'. " and "Credential
 * should be scoped to correct service: 'execute-api'. ": the scope named another region or
 * service than the endpoint's, typically a custom domain whose scope cannot be inferred.
 */
import { inferSigningScope } from '../../scope/infer';
import type { Explanation, SigningRecord } from '../types';

const WRONG_REGION = /scoped to a valid region, not '([^']*)'/;
const EXPECTED_SERVICE = /scoped to correct service: '([^']*)'/;

/** The region the record's host names, when it is an AWS host that names another one. */
function regionOfHost(record: SigningRecord | undefined, rejected: string): string | undefined {
  if (!record) return undefined;
  try {
    const region = inferSigningScope(new URL(record.url).hostname)?.region;
    return region === rejected ? undefined : region;
  } catch {
    return undefined;
  }
}

/** A SigV4A signature names a region set, not a region. */
const isSigV4a = (record: SigningRecord | undefined) =>
  record?.stringToSign.startsWith('AWS4-ECDSA-P256-SHA256') ?? false;

function explainRegion(rejected: string, record: SigningRecord | undefined): Explanation {
  if (isSigV4a(record)) {
    return {
      cause: `The request was signed with SigV4A for the region set '${rejected}', which does not include the region of this endpoint.`,
      fix: "Add the endpoint's region to the `regionSet` option, or pass `regionSet: ['*']`.",
    };
  }
  const region = regionOfHost(record, rejected);
  const cause = `The request was signed for region '${rejected}', which is not the region of this API.`;
  if (region === undefined) {
    return {
      cause,
      fix: "Pass the API's region as the `region` option: a custom domain or a proxy host does not name it, so it cannot be inferred.",
    };
  }
  return {
    cause,
    fix: `Sign for '${region}', the region in the host name: pass \`region: '${region}'\` (or drop a \`region\` option that overrides the inferred one).`,
    expected: { region },
  };
}

function explainService(service: string, record: SigningRecord | undefined): Explanation {
  const signed = record ? `'${record.service}'` : 'another service';
  return {
    cause: `The request was signed for ${signed}, but this endpoint expects service '${service}'.`,
    fix: `Pass \`service: '${service}'\`: a custom domain or a proxy host does not name the service, so it cannot be inferred.`,
    expected: { service },
  };
}

/** The cause, fix and expected scope of a wrong-scope refusal. @internal */
export function explainWrongScope(message: string, record?: SigningRecord): Explanation {
  const service = EXPECTED_SERVICE.exec(message)?.[1];
  if (service !== undefined) return explainService(service, record);
  const rejected = WRONG_REGION.exec(message)?.[1] ?? record?.region;
  if (rejected !== undefined) return explainRegion(rejected, record);
  return {
    cause: 'The credential scope names another region or service than the endpoint expects.',
    fix: "Pass the endpoint's `region` and `service` options explicitly.",
  };
}
