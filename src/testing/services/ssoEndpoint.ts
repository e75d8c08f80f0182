import { ERROR_TYPE_HEADER, JSON_CONTENT_TYPE } from '../constants';
import type { CredentialServiceOptions, LocalCredentialService } from './credentialServiceTypes';
import { createIssuer, zeroCalls } from './issuer';
import { firstHeader } from '../verifier/canonical/rawHeaders';
import { splitRawUrl } from '../verifier/canonical/rawUrl';
import { serveCredentialService, type LocalResponse } from '../server/serve';
import { sameSecretText } from '../verifier/signature';
import type { RawRequest } from '../types';

/** An account role the local SSO portal hands out. */
export interface LocalSsoRole {
  /** 12 digits. */
  accountId: string;
  /** The permission set's role name, e.g. `ApiCaller`. */
  roleName: string;
}

/** Options of {@link startLocalSsoEndpoint}. */
export interface LocalSsoEndpointOptions extends CredentialServiceOptions {
  /**
   * The access tokens accepted in `x-amz-sso_bearer_token`: the `accessToken` of the SSO token
   * cache file (`~/.aws/sso/cache/<sha1>.json`) that `aws sso login` writes. Read on every request.
   */
  accessTokens: string[];
  /** The roles that may be assumed, read on every request. @default any account and role */
  roles?: LocalSsoRole[];
}

/** The SSO portal action the local endpoint answers. */
export type SsoAction = 'GetRoleCredentials';

/** A running local SSO portal endpoint. */
export type LocalSsoEndpoint = LocalCredentialService<SsoAction>;

const PATH = '/federation/credentials';
const TOKEN_HEADER = 'x-amz-sso_bearer_token';

/** The portal's REST-JSON error: the type in `x-amzn-ErrorType`, the message in the body. */
const failure = (status: number, type: string, message: string): LocalResponse => ({
  status,
  headers: { 'content-type': JSON_CONTENT_TYPE, [ERROR_TYPE_HEADER]: type },
  body: JSON.stringify({ message }),
});

/**
 * Starts a local AWS IAM Identity Center (SSO) portal answering `GetRoleCredentials`
 * (`GET /federation/credentials?account_id=...&role_name=...` with the cached access token in
 * `x-amz-sso_bearer_token`), for the SDK's `fromSSO()` and SSO profiles. An unknown token gets 401
 * `UnauthorizedException`, a role not in `roles` 403 `ForbiddenException`; each success issues
 * fresh credentials (`expiration` in epoch milliseconds, as the portal sends it).
 * @example
 * const sso = await startLocalSsoEndpoint({ accessTokens: ['cached-access-token'] });
 * const credentials = fromSSO({
 *   ssoStartUrl: 'https://local.awsapps.example/start', ssoAccountId: '123456789012',
 *   ssoRegion: 'us-east-1', ssoRoleName: 'ApiCaller',
 *   clientConfig: { endpoint: sso.url },
 * }); // with HOME pointing at a directory holding .aws/sso/cache/<sha1 of the start URL>.json
 */
export async function startLocalSsoEndpoint(
  options: LocalSsoEndpointOptions,
): Promise<LocalSsoEndpoint> {
  const { port = 0, accessTokens, roles } = options;
  const issuer = createIssuer(options);
  const calls = zeroCalls<SsoAction>(['GetRoleCredentials']);
  const handle = (raw: RawRequest): LocalResponse => {
    const { path, rawQuery } = splitRawUrl(raw.rawUrl);
    if (raw.method !== 'GET' || path !== PATH) {
      return failure(404, 'UnknownOperationException', 'Unknown operation');
    }
    calls.GetRoleCredentials += 1;
    const token = firstHeader(raw.rawHeaders, TOKEN_HEADER) ?? '';
    if (!accessTokens.some((accepted) => sameSecretText(accepted, token))) {
      return failure(401, 'UnauthorizedException', 'Session token not found or invalid');
    }
    const query = new URLSearchParams(rawQuery);
    const accountId = query.get('account_id') ?? '';
    const roleName = query.get('role_name') ?? '';
    const known = (role: LocalSsoRole) =>
      role.accountId === accountId && role.roleName === roleName;
    if (!/^\d{12}$/.test(accountId) || !roleName || (roles && !roles.some(known))) {
      return failure(403, 'ForbiddenException', 'No access');
    }
    const roleArn = `arn:aws:iam::${accountId}:role/${roleName}`;
    const sessionArn = `arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_${roleName}/local-sso-user`;
    const credentials = issuer.issue(roleArn, sessionArn);
    const roleCredentials = {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration.getTime(),
    };
    return {
      status: 200,
      headers: { 'content-type': JSON_CONTENT_TYPE },
      body: JSON.stringify({ roleCredentials }),
    };
  };
  return serveCredentialService(handle, port, issuer, calls);
}
