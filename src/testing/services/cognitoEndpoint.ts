import {
  checkIdentity,
  checkLogins,
  createIdentityRegistry,
  roleSessionArn,
  type LocalIdentityPool,
} from './cognitoIdentities';
import { answer, failure, parseInput, type Input } from './cognitoWire';
import type { CredentialServiceOptions, LocalCredentialService } from './credentialServiceTypes';
import { createIssuer, zeroCalls } from './issuer';
import { firstHeader } from '../verifier/canonical/rawHeaders';
import { serveCredentialService, type LocalResponse } from '../server/serve';
import type { RawRequest } from '../types';

/** Options of {@link startLocalCognitoIdentityEndpoint}. */
export interface LocalCognitoIdentityEndpointOptions extends CredentialServiceOptions {
  /** The identity pools, read on every request; any other pool id is `ResourceNotFoundException`. */
  identityPools: LocalIdentityPool[];
}

/** The Cognito identity actions the local endpoint answers. */
export type CognitoIdentityAction = 'GetId' | 'GetCredentialsForIdentity';

/** A running local Cognito identity endpoint. */
export type LocalCognitoIdentityEndpoint = LocalCredentialService<CognitoIdentityAction>;

const TARGET_PREFIX = 'AWSCognitoIdentityService.';
const ACTIONS: readonly CognitoIdentityAction[] = ['GetId', 'GetCredentialsForIdentity'];

/**
 * Starts a local Amazon Cognito identity service (JSON 1.1: `X-Amz-Target:
 * AWSCognitoIdentityService.GetId` and `.GetCredentialsForIdentity`, both unsigned as in AWS), for
 * the SDK's `fromCognitoIdentityPool()`. Unauthenticated and authenticated identities (a `Logins`
 * entry with a token the pool accepts); refused logins get `NotAuthorizedException`. Every
 * GetCredentialsForIdentity issues fresh credentials, so pools and identities never share any.
 * @example
 * const cognito = await startLocalCognitoIdentityEndpoint({
 *   identityPools: [{ identityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555' }],
 *   registerWith: accepted,
 * });
 * const credentials = fromCognitoIdentityPool({
 *   identityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555',
 *   clientConfig: { endpoint: cognito.url, region: 'us-east-1' },
 * });
 */
export async function startLocalCognitoIdentityEndpoint(
  options: LocalCognitoIdentityEndpointOptions,
): Promise<LocalCognitoIdentityEndpoint> {
  const { port = 0, identityPools } = options;
  const issuer = createIssuer(options);
  const identities = createIdentityRegistry();
  const calls = zeroCalls(ACTIONS);
  const poolOf = (id: unknown) => identityPools.find((pool) => pool.identityPoolId === id);

  const getId = ({ IdentityPoolId, Logins = {} }: Input): LocalResponse => {
    const pool = poolOf(IdentityPoolId);
    if (!pool)
      return failure('ResourceNotFoundException', `IdentityPool '${IdentityPoolId}' not found.`);
    const refusal = checkLogins(pool, Logins);
    if (refusal) return refusal;
    return answer({ IdentityId: identities.identify(pool, Logins).identityId });
  };

  const getCredentials = ({ IdentityId, Logins = {} }: Input): LocalResponse => {
    const identity = identities.find(String(IdentityId));
    const pool = identity && poolOf(identity.identityPoolId);
    if (!identity || !pool)
      return failure('ResourceNotFoundException', `Identity '${IdentityId}' not found.`);
    const refusal = checkLogins(pool, Logins) ?? checkIdentity(identity, Logins);
    if (refusal) return refusal;
    const credentials = issuer.issue(identity.identityId, roleSessionArn(identity));
    return answer({
      IdentityId: identity.identityId,
      Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        // JSON 1.1 timestamps are epoch seconds.
        Expiration: credentials.expiration.getTime() / 1000,
      },
    });
  };

  const handle = (raw: RawRequest): LocalResponse => {
    const target = firstHeader(raw.rawHeaders, 'x-amz-target') ?? '';
    const action = target.slice(TARGET_PREFIX.length) as CognitoIdentityAction;
    if (raw.method !== 'POST' || !target.startsWith(TARGET_PREFIX) || !ACTIONS.includes(action)) {
      return failure('UnknownOperationException', 'Unknown operation');
    }
    calls[action] += 1;
    const input = parseInput(raw);
    if (!input) return failure('SerializationException', 'The request body is not a JSON object');
    return action === 'GetId' ? getId(input) : getCredentials(input);
  };
  return serveCredentialService(handle, port, issuer, calls);
}
