/**
 * Explains "User: ARN is not authorized to perform: ACTION on resource: ARN", with or without
 * "because no identity-based policy allows the ACTION action" or "with an explicit deny in a ...
 * policy": the signature was fine, a policy refused. Gives a statement that allows exactly that.
 * https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden
 */
import { accountOf, describePrincipal } from './principal';
import type { Explanation } from '../types';

const NOT_AUTHORIZED =
  /User: (\S+) is not authorized to perform: (\S+) on resource: (\S+?)\.?(?:\s+(with an explicit deny)(?: in an? (.+?))?)?\.?(?:\s+because\b.*)?$/s;

const REDEPLOY = 'redeploy a REST API after changing its resource policy';

/** A statement allowing exactly `action` on `resource`, ready to paste into a policy. @internal */
function policyStatementFor(action: string, resource: string): string {
  return JSON.stringify({ Effect: 'Allow', Action: action, Resource: resource });
}

function denyAdvice(principal: string, action: string, where: string | undefined) {
  const place = where ? ` in ${/^[aeiou]/i.test(where) ? 'an' : 'a'} ${where}` : '';
  return {
    cause: `The signature is valid, but an explicit deny${place} refuses ${action} on this resource to ${principal}.`,
    fix: `An Allow cannot override a Deny: narrow the denying statement (the API's resource policy for a resource-based deny; otherwise the caller's policies, permissions boundary or an SCP), and ${REDEPLOY}.`,
  };
}

function allowAdvice(principal: string, action: string, resource: string) {
  const who = describePrincipal(principal);
  const callerAccount = accountOf(principal);
  const apiAccount = accountOf(resource);
  const crossAccount = callerAccount && apiAccount && callerAccount !== apiAccount;
  return {
    cause: `The signature is valid, but no policy allows ${principal} to perform ${action} on this resource.`,
    fix: crossAccount
      ? `Cross-account call: add the policy statement to ${who}'s policy in account ${callerAccount}, and allow that principal in the API's resource policy in account ${apiAccount} (then ${REDEPLOY}).`
      : `Add the policy statement to the identity-based policy of ${who}, or allow ${who} in the API's resource policy (then ${REDEPLOY}).`,
  };
}

const ANONYMOUS = {
  cause:
    "The request reached the API unsigned (as 'anonymous') and the API's resource policy refuses anonymous callers.",
  fix: "Sign the request: check that its host is in the signer's `hosts` scope and that no proxy drops the Authorization header.",
};

/** The cause, fix, principal, action, resource and policy statement of an access denial. @internal */
export function explainAccessDenied(message: string): Explanation {
  const match = NOT_AUTHORIZED.exec(message.trim());
  if (!match) {
    return {
      cause: 'The signature is valid, but an IAM policy or the resource policy refuses the call.',
      fix: "Allow execute-api:Invoke on the API's resource ARN to the caller's role (or in the API's resource policy).",
    };
  }
  const [, principal, action, resource, explicit, where] = match;
  const advice =
    principal === 'anonymous'
      ? ANONYMOUS
      : explicit
        ? denyAdvice(principal, action, where)
        : allowAdvice(principal, action, resource);
  return {
    ...advice,
    principal,
    action,
    resource,
    policyStatement: policyStatementFor(action, resource),
  };
}
