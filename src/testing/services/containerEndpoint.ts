import { JSON_CONTENT_TYPE } from '../constants';
import type { CredentialServiceOptions, LocalCredentialService } from './credentialServiceTypes';
import { createIssuer, zeroCalls } from './issuer';
import { firstHeader } from '../verifier/canonical/rawHeaders';
import { serveCredentialService, type LocalResponse } from '../server/serve';
import { sameSecretText } from '../verifier/signature';
import { sessionArnOf } from './stsRoles';
import type { RawRequest } from '../types';

/** Options of {@link startLocalContainerCredentialsEndpoint}. */
export interface LocalContainerCredentialsEndpointOptions extends CredentialServiceOptions {
  /**
   * The token the `Authorization` header must carry, as the SDK sends the value of
   * `AWS_CONTAINER_AUTHORIZATION_TOKEN`. A request without the header gets 401, one with another
   * value 403. When left out, any request is answered.
   */
  authorizationToken?: string;
  /** The `RoleArn` of every answer. @default 'arn:aws:iam::123456789012:role/local-container-role' */
  roleArn?: string;
}

/** The one action of the container endpoint: any GET is a credentials request. */
export type ContainerCredentialsAction = 'GetCredentials';

/** A running container credentials endpoint. */
export type LocalContainerCredentialsEndpoint = LocalCredentialService<ContainerCredentialsAction>;

const DEFAULT_ROLE_ARN = 'arn:aws:iam::123456789012:role/local-container-role';
/** The session name ECS gives its task role sessions is an id; this one is fixed. */
const CONTAINER_SESSION = 'local-container-session';

const json = (status: number, payload: object): LocalResponse => ({
  status,
  headers: { 'content-type': JSON_CONTENT_TYPE },
  body: JSON.stringify(payload),
});

/**
 * Starts what ECS, EKS Pod Identity and Lambda SnapStart serve at
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI`: every GET (any path) answers
 * `{ AccessKeyId, SecretAccessKey, Token, Expiration, RoleArn }` with fresh credentials, once the
 * `Authorization` header matches `authorizationToken`. Point the SDK's `fromContainerMetadata()`,
 * `fromHttp()` or default chain at it through the environment.
 * @example
 * const accepted: TestIdentity[] = [];
 * const container = await startLocalContainerCredentialsEndpoint({
 *   authorizationToken: 'local-token',
 *   registerWith: accepted,
 * });
 * process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `${container.url}/v2/credentials`;
 * process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN = 'local-token';
 */
export async function startLocalContainerCredentialsEndpoint(
  options: LocalContainerCredentialsEndpointOptions = {},
): Promise<LocalContainerCredentialsEndpoint> {
  const { port = 0, authorizationToken, roleArn = DEFAULT_ROLE_ARN } = options;
  const issuer = createIssuer(options);
  const calls = zeroCalls<ContainerCredentialsAction>(['GetCredentials']);
  const handle = (raw: RawRequest): LocalResponse => {
    if (raw.method !== 'GET') return json(405, { Code: 'MethodNotAllowed', Message: 'Use GET' });
    calls.GetCredentials += 1;
    if (authorizationToken !== undefined) {
      const sent = firstHeader(raw.rawHeaders, 'authorization');
      if (sent === undefined) {
        return json(401, { Code: 'Unauthorized', Message: 'Missing Authorization header' });
      }
      if (!sameSecretText(authorizationToken, sent)) {
        return json(403, { Code: 'Forbidden', Message: 'Invalid authorization token' });
      }
    }
    const credentials = issuer.issue(roleArn, sessionArnOf(roleArn, CONTAINER_SESSION));
    return json(200, {
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      Token: credentials.sessionToken,
      Expiration: credentials.expiration.toISOString(),
      RoleArn: roleArn,
    });
  };
  return serveCredentialService(handle, port, issuer, calls);
}
