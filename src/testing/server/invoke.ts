import {
  DEFAULT_ROLE_NAME,
  DEFAULT_SESSION_NAME,
  DEFAULT_USER_NAME,
  SESSION_KEY_PREFIX,
} from '../constants';
import { splitRawUrl } from '../verifier/canonical/rawUrl';
import type { InvokeRequest, RawRequest, TestIdentity } from '../types';

/** Where the endpoint pretends to live, for ARNs. @internal */
export interface ArnContext {
  region: string;
  accountId: string;
  apiId: string;
}

/**
 * The caller's ARN: the identity's own, else an assumed-role session for `ASIA` (temporary) keys,
 * as Lambda's execution role is, and an IAM user for long-term keys.
 * @internal
 */
export function principalArn(identity: Readonly<TestIdentity>, accountId: string): string {
  if (identity.arn !== undefined) return identity.arn;
  return identity.accessKeyId.startsWith(SESSION_KEY_PREFIX)
    ? `arn:aws:sts::${accountId}:assumed-role/${DEFAULT_ROLE_NAME}/${DEFAULT_SESSION_NAME}`
    : `arn:aws:iam::${accountId}:user/${DEFAULT_USER_NAME}`;
}

/**
 * A verified request as IAM sees it: stage = first path segment, resource ARN
 * `arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH` with the path as received.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 * @internal
 */
export function buildInvokeRequest(
  raw: RawRequest,
  identity: Readonly<TestIdentity>,
  context: ArnContext,
): InvokeRequest {
  const { path } = splitRawUrl(raw.rawUrl);
  const withoutLead = path.replace(/^\/+/, '');
  const slash = withoutLead.indexOf('/');
  const stage = slash < 0 ? withoutLead : withoutLead.slice(0, slash);
  const resourcePath = slash < 0 ? '/' : withoutLead.slice(slash);
  const { region, accountId, apiId } = context;
  return {
    method: raw.method,
    path,
    stage,
    resourcePath,
    accessKeyId: identity.accessKeyId,
    principalArn: principalArn(identity, accountId),
    resourceArn: `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/${raw.method}${resourcePath}`,
  };
}
