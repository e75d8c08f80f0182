import { createHash } from 'node:crypto';
import { stsError } from './stsXml';
import type { LocalResponse } from '../server/serve';

/**
 * Role ARNs, session names and durations as STS checks them, and the assumed-role user it
 * reports back.
 */

/** A role the local STS lets callers assume. */
export interface LocalStsRole {
  /** `arn:aws:iam::ACCOUNT:role/NAME` (a path before NAME is allowed). */
  roleArn: string;
  /**
   * The `ExternalId` AssumeRole must carry, as a trust policy's `sts:ExternalId` condition
   * requires; a call without it or with another value is refused with `AccessDenied`.
   */
  externalId?: string;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const MIN_DURATION_S = 900;
const MAX_DURATION_S = 43200;

/** A parsed role ARN. @internal */
export interface ParsedRole {
  roleArn: string;
  account: string;
  roleName: string;
}

const validation = (message: string): LocalResponse =>
  stsError(400, 'ValidationError', `1 validation error detected: ${message}`);

/** The role ARN, or STS's ValidationError. @internal */
export function parseRoleArn(roleArn: string | null): ParsedRole | LocalResponse {
  if (roleArn === null) {
    return validation(
      "Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
  }
  const match = ROLE_ARN.exec(roleArn);
  if (!match) return stsError(400, 'ValidationError', `${roleArn} is invalid`);
  return { roleArn, account: match[1], roleName: match[2] };
}

/** STS's checks of RoleSessionName; undefined when it is fine. @internal */
export function checkSessionName(name: string | null): LocalResponse | undefined {
  if (name === null) {
    return validation(
      "Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
    );
  }
  if (!SESSION_NAME.test(name)) {
    return validation(
      `Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  return undefined;
}

/** DurationSeconds in seconds (3600 when absent), or STS's ValidationError. @internal */
export function parseDuration(value: string | null): number | LocalResponse {
  if (value === null) return 3600;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < MIN_DURATION_S) {
    return validation(
      `Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${MIN_DURATION_S}`,
    );
  }
  if (seconds > MAX_DURATION_S) {
    return validation(
      `Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to ${MAX_DURATION_S}`,
    );
  }
  return seconds;
}

/** The assumed-role user STS reports: its ARN and its `AROA...:session` id. @internal */
export function assumedRoleUser(
  role: ParsedRole,
  sessionName: string,
): { arn: string; id: string } {
  const digest = createHash('sha256').update(role.roleArn).digest('hex').toUpperCase();
  return {
    arn: `arn:aws:sts::${role.account}:assumed-role/${role.roleName}/${sessionName}`,
    id: `AROA${digest.slice(0, 17)}:${sessionName}`,
  };
}

/** The assumed-role ARN of a session of `roleArn`; `roleArn` itself when it is not a role ARN. @internal */
export function sessionArnOf(roleArn: string, sessionName: string): string {
  const role = parseRoleArn(roleArn);
  return 'status' in role ? roleArn : assumedRoleUser(role, sessionName).arn;
}
