import { createHash, randomUUID } from 'node:crypto';
import { notAuthorized } from './cognitoWire';
import type { LocalResponse } from '../server/serve';
import { sameSecretText } from '../verifier/signature';

/**
 * The identities of the local Cognito identity pools: unauthenticated ones (a new id per GetId, as
 * Cognito does) and authenticated ones (one id per pool and login, found again on the next GetId).
 */

/** An identity pool the local Cognito endpoint knows. */
export interface LocalIdentityPool {
  /** `REGION:GUID`, e.g. `us-east-1:11111111-2222-3333-4444-555555555555`. */
  identityPoolId: string;
  /** Whether identities without any login get credentials. @default true */
  allowUnauthenticated?: boolean;
  /**
   * Accepted login tokens per provider name, as the `Logins` map of GetId and
   * GetCredentialsForIdentity carries them: a user-pool id token under
   * `cognito-idp.REGION.amazonaws.com/POOL_ID`, or any other provider. Any other token, or a
   * provider not listed, is refused with `NotAuthorizedException`.
   * @default {} (authenticated access refused)
   * @example { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123': ['id-token-of-alice'] }
   */
  logins?: Record<string, string[]>;
}

/** One identity: its pool and, when authenticated, the provider that vouched for it. @internal */
export interface LocalIdentity {
  identityId: string;
  identityPoolId: string;
  /** The provider name of the login that created it; undefined for an unauthenticated identity. */
  provider?: string;
  /** SHA-256 of that login's token: the token itself is kept nowhere. */
  tokenHash?: string;
}

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Whether every login of `logins` is one of the tokens `pool` accepts for its provider. @internal */
function loginsAccepted(pool: LocalIdentityPool, logins: Record<string, string>): boolean {
  return Object.entries(logins).every(([provider, token]) => {
    const accepted = pool.logins?.[provider] ?? [];
    return typeof token === 'string' && accepted.some((known) => sameSecretText(known, token));
  });
}

/** Whether `logins` holds the login an authenticated identity was created with. @internal */
function loginsMatch(identity: LocalIdentity, logins: Record<string, string>): boolean {
  if (identity.provider === undefined) return true;
  const token = logins[identity.provider];
  return typeof token === 'string' && sameSecretText(identity.tokenHash ?? '', hashOf(token));
}

/** The identity registry of one endpoint. @internal */
export function createIdentityRegistry() {
  const byId = new Map<string, LocalIdentity>();
  const byLogin = new Map<string, string>();
  const newId = (pool: LocalIdentityPool) => `${pool.identityPoolId.split(':')[0]}:${randomUUID()}`;
  return {
    find: (identityId: string) => byId.get(identityId),
    /** GetId: a new unauthenticated identity, or the one of the first login (created once). */
    identify(pool: LocalIdentityPool, logins: Record<string, string>): LocalIdentity {
      const [provider, token] = Object.entries(logins)[0] ?? [];
      const tokenHash = token === undefined ? undefined : hashOf(token);
      const key =
        provider === undefined ? undefined : `${pool.identityPoolId} ${provider} ${tokenHash}`;
      const known = key === undefined ? undefined : byId.get(byLogin.get(key) ?? '');
      if (known) return known;
      const identity = {
        identityId: newId(pool),
        identityPoolId: pool.identityPoolId,
        provider,
        tokenHash,
      };
      byId.set(identity.identityId, identity);
      if (key !== undefined) byLogin.set(key, identity.identityId);
      return identity;
    },
  };
}

const ACCOUNT = '123456789012';

/** Logins the pool does not accept, or none where the pool wants one. @internal */
export function checkLogins(
  pool: LocalIdentityPool,
  logins: Record<string, string>,
): LocalResponse | undefined {
  if (Object.keys(logins).length === 0) {
    return pool.allowUnauthenticated === false
      ? notAuthorized('Unauthenticated access is not supported for this identity pool.')
      : undefined;
  }
  return loginsAccepted(pool, logins)
    ? undefined
    : notAuthorized('Invalid login token. Not a valid OpenId Connect identity token.');
}

/** An authenticated identity needs its own login again. @internal */
export function checkIdentity(
  identity: LocalIdentity,
  logins: Record<string, string>,
): LocalResponse | undefined {
  return loginsMatch(identity, logins)
    ? undefined
    : notAuthorized(
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
      );
}

/** The session Cognito opens in the pool's role for an identity. @internal */
export function roleSessionArn(identity: LocalIdentity): string {
  const role = identity.provider === undefined ? 'Cognito_Unauth_Role' : 'Cognito_Auth_Role';
  return `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/CognitoIdentityCredentials`;
}
