import type { CredentialIssuer } from './issuer';
import type { LocalResponse } from '../server/serve';
import { sameSecretText } from '../verifier/signature';
import {
  assumedRoleUser,
  checkSessionName,
  parseDuration,
  parseRoleArn,
  type LocalStsRole,
} from './stsRoles';
import { roleResultElements, stsError, stsResult } from './stsXml';

/** AssumeRole and AssumeRoleWithWebIdentity once the caller is known: checks, then issues. */

/** The STS actions the local endpoint answers. */
export type StsAction = 'AssumeRole' | 'AssumeRoleWithWebIdentity';

/** What an AssumeRole* call is checked against. @internal */
export interface AssumeContext {
  issuer: CredentialIssuer;
  /** The ARN of the AssumeRole caller; none for AssumeRoleWithWebIdentity. */
  caller?: string;
  lifetimeMs?: number;
  roles?: LocalStsRole[];
  webIdentityTokens?: string[];
}

/** The answer of an AssumeRole* call, and who now holds the issued key on success. @internal */
export interface Assumed {
  response: LocalResponse;
  /** The issued key id and the assumed-role ARN that holds it, on success. */
  assumed?: { accessKeyId: string; arn: string };
}

const WEB_IDENTITY_EXTRAS =
  '<SubjectFromWebIdentityToken>local-subject</SubjectFromWebIdentityToken>' +
  '<Audience>local-audience</Audience><Provider>local-identity-provider</Provider>';

/** Checks the call's parameters and trust conditions, then issues credentials. @internal */
export function assume(
  action: StsAction,
  params: URLSearchParams,
  context: AssumeContext,
): Assumed {
  const role = parseRoleArn(params.get('RoleArn'));
  if ('status' in role) return { response: role };
  const sessionName = params.get('RoleSessionName');
  const refusal =
    checkSessionName(sessionName) ?? checkTrust(action, params, role.roleArn, context);
  if (refusal) return { response: refusal };
  const seconds = parseDuration(params.get('DurationSeconds'));
  if (typeof seconds !== 'number') return { response: seconds };
  const user = assumedRoleUser(role, sessionName as string);
  const lifetimeMs = context.lifetimeMs ?? seconds * 1000;
  const issued = context.issuer.issue(role.roleArn, user.arn, lifetimeMs);
  const extras = action === 'AssumeRoleWithWebIdentity' ? WEB_IDENTITY_EXTRAS : '';
  return {
    response: stsResult(action, roleResultElements(user.arn, user.id, issued) + extras),
    assumed: { accessKeyId: issued.accessKeyId, arn: user.arn },
  };
}

/** The role's trust conditions: a known role, its ExternalId, an accepted web identity token. */
function checkTrust(
  action: StsAction,
  params: URLSearchParams,
  roleArn: string,
  context: AssumeContext,
): LocalResponse | undefined {
  const denied = context.caller
    ? `User: ${context.caller} is not authorized to perform: sts:${action} on resource: ${roleArn}`
    : `Not authorized to perform sts:${action}`;
  const known = context.roles?.find((candidate) => candidate.roleArn === roleArn);
  if (context.roles && !known) return stsError(403, 'AccessDenied', denied);
  if (action === 'AssumeRole') {
    const externalId = params.get('ExternalId') ?? '';
    const expected = known?.externalId;
    const mismatch = expected !== undefined && !sameSecretText(expected, externalId);
    return mismatch ? stsError(403, 'AccessDenied', denied) : undefined;
  }
  const token = params.get('WebIdentityToken') ?? '';
  if (!(context.webIdentityTokens ?? []).some((accepted) => sameSecretText(accepted, token))) {
    const message =
      'The web identity token that was passed could not be validated by AWS. ' +
      'Get a new identity token from the identity provider and then retry the request.';
    return stsError(400, 'InvalidIdentityToken', message);
  }
  return undefined;
}
