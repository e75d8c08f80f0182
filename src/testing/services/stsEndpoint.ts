import type { CredentialServiceOptions, LocalCredentialService } from './credentialServiceTypes';
import { TEST_CREDENTIALS } from '../credentials';
import { createIssuer, zeroCalls } from './issuer';
import { splitRawUrl } from '../verifier/canonical/rawUrl';
import { serveCredentialService, type LocalResponse } from '../server/serve';
import { authenticateCaller } from './stsAuth';
import type { LocalStsRole } from './stsRoles';
import { assume, type StsAction } from './stsAssume';
import { STS_VERSION, stsError } from './stsXml';
import type { RawRequest, TestIdentity } from '../types';

/** Options of {@link startLocalStsEndpoint}. */
export interface LocalStsEndpointOptions extends CredentialServiceOptions {
  /** The region AssumeRole signatures must be scoped to. @default 'us-east-1' */
  region?: string;
  /**
   * The identities allowed to call AssumeRole (a SigV4 signature for service `sts` by one of
   * them is required). Read on every request: push to it, or pass the `registerWith` array to
   * let issued credentials assume further roles (role chaining).
   * @default [TEST_CREDENTIALS]
   */
  callers?: TestIdentity[];
  /** The roles that may be assumed, read on every request. @default any well-formed role ARN */
  roles?: LocalStsRole[];
  /** The tokens AssumeRoleWithWebIdentity accepts; others get `InvalidIdentityToken`. @default [] */
  webIdentityTokens?: string[];
  /**
   * Every credential lives this long, whatever `DurationSeconds` asks (STS's minimum of 900 s
   * would make refresh tests slow).
   * @default DurationSeconds of the call, 3600 s when absent
   */
  lifetimeMs?: number;
}

export type { StsAction };

/** A running local STS endpoint. */
export type LocalStsEndpoint = LocalCredentialService<StsAction>;

const ACTIONS: readonly StsAction[] = ['AssumeRole', 'AssumeRoleWithWebIdentity'];

const isAction = (name: string | null): name is StsAction => ACTIONS.includes(name as StsAction);

/** Body (form-encoded) and query parameters together, as STS reads them. */
function paramsOf(raw: RawRequest): URLSearchParams {
  const params = new URLSearchParams(Buffer.from(raw.body).toString('utf8'));
  const { rawQuery } = splitRawUrl(raw.rawUrl);
  new URLSearchParams(rawQuery).forEach((value, key) => params.append(key, value));
  return params;
}

/**
 * Starts a local AWS STS speaking the query protocol (form-encoded POST, XML answers):
 * `AssumeRole`, which must be SigV4-signed (service `sts`) by one of `callers` and match a role's
 * `ExternalId`, and `AssumeRoleWithWebIdentity`, unsigned, with a token from `webIdentityTokens`.
 * Each success issues fresh credentials. Errors are STS's `ErrorResponse` (`AccessDenied`,
 * `InvalidClientTokenId`, `SignatureDoesNotMatch`, `ValidationError`, `InvalidIdentityToken`).
 *
 * The SDK writes a `$source` property onto static `masterCredentials`: pass a copy of a frozen
 * object such as `TEST_CREDENTIALS`, or the SDK throws a TypeError before any call.
 * @example
 * const sts = await startLocalStsEndpoint({ registerWith: accepted, lifetimeMs: 2000 });
 * const credentials = fromTemporaryCredentials({
 *   masterCredentials: { ...TEST_CREDENTIALS },
 *   params: { RoleArn: 'arn:aws:iam::123456789012:role/api-caller' },
 *   clientConfig: { endpoint: sts.url, region: 'us-east-1' },
 * });
 */
export async function startLocalStsEndpoint(
  options: LocalStsEndpointOptions = {},
): Promise<LocalStsEndpoint> {
  const { port = 0, region = 'us-east-1', callers = [TEST_CREDENTIALS] } = options;
  const issuer = createIssuer(options);
  const calls = zeroCalls(ACTIONS);
  // Who holds the credentials issued here, for the ARN in AccessDenied messages (role chaining).
  const callerArns = new Map<string, string>();
  const handle = (raw: RawRequest): LocalResponse => {
    const params = paramsOf(raw);
    const action = params.get('Action');
    if (!isAction(action) || params.get('Version') !== STS_VERSION) {
      const message = `Could not find operation ${action} for version ${params.get('Version')}`;
      return stsError(400, 'InvalidAction', message);
    }
    calls[action] += 1;
    let caller: string | undefined;
    if (action === 'AssumeRole') {
      const verify = { region, service: 'sts', credentials: callers, now: issuer.now };
      const authenticated = authenticateCaller(raw, verify);
      if ('status' in authenticated) return authenticated;
      caller = callerArns.get(authenticated.accessKeyId) ?? localUserArn(authenticated.accessKeyId);
    }
    const result = assume(action, params, { ...options, issuer, caller });
    if (result.assumed) callerArns.set(result.assumed.accessKeyId, result.assumed.arn);
    return result.response;
  };
  return serveCredentialService(handle, port, issuer, calls);
}

/** The ARN reported for a caller this endpoint did not issue keys to. */
const localUserArn = (accessKeyId: string) => `arn:aws:iam::123456789012:user/${accessKeyId}`;
