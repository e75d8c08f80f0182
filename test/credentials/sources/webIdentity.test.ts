/**
 * Web identity (EKS IRSA, GitHub Actions OIDC): the SDK's real fromWebToken(), fromTokenFile() and
 * default chain, calling AssumeRoleWithWebIdentity (unsigned) on a local STS.
 */
import { fromTokenFile, fromWebToken } from '@aws-sdk/credential-providers';
import { SigV4CredentialsError, type AwsCredentialProvider } from 'aws-sigv4-interceptor';
import { startLocalStsEndpoint } from 'aws-sigv4-interceptor/testing';
import { leaksOf } from '../../errors/support';
import { startedByTest } from '../../support/startedServers';
import { apiAcceptingIssuedKeys } from './apiAcceptingIssuedKeys';
import {
  expectRefreshedOnce,
  isolateAwsEnvironment,
  REGION,
  signedClients,
  verifiedWith,
} from './support';

const { scratch, useEnv } = isolateAwsEnvironment();

const ROLE = 'arn:aws:iam::210987654321:role/EksPodRole';
const OIDC_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.service-account-token.c2lnbmVk';

const { api, accepted } = apiAcceptingIssuedKeys();
const [sts, startSts] = startedByTest((lifetimeMs?: number) =>
  startLocalStsEndpoint({
    webIdentityTokens: [OIDC_TOKEN],
    roles: [{ roleArn: ROLE }],
    registerWith: accepted(),
    lifetimeMs,
  }),
);

/** EKS's environment: the token file, the role, and here the STS endpoint. */
const useIrsaEnv = (token = OIDC_TOKEN) =>
  useEnv({
    AWS_WEB_IDENTITY_TOKEN_FILE: scratch.write('token', token),
    AWS_ROLE_ARN: ROLE,
    AWS_ROLE_SESSION_NAME: 'irsa-session',
    AWS_REGION: REGION,
    AWS_ENDPOINT_URL_STS: sts.url,
  });

describe.each<[string, () => AwsCredentialProvider | undefined]>([
  [
    'fromWebToken() with clientConfig.endpoint',
    () =>
      fromWebToken({
        roleArn: ROLE,
        webIdentityToken: OIDC_TOKEN,
        roleSessionName: 'irsa-session',
        clientConfig: { endpoint: sts.url, region: REGION },
      }),
  ],
  ['fromTokenFile() with the EKS environment', () => fromTokenFile()],
  ['the default chain with the EKS environment', () => undefined],
])('%s', (_name, provider) => {
  test('fetch and axios verify; 20 concurrent requests, one AssumeRoleWithWebIdentity', async () => {
    await startSts();
    useIrsaEnv();
    const clients = signedClients(provider());

    const outcomes = await clients.concurrently(`${api.url}/prod/pods`, 20);

    expect(sts.calls).toEqual({ AssumeRole: 0, AssumeRoleWithWebIdentity: 1 });
    expect(sts.issued[0].arn).toBe(
      'arn:aws:sts::210987654321:assumed-role/EksPodRole/irsa-session',
    );
    expect(outcomes).toEqual(Array(20).fill(verifiedWith(sts.issued[0].accessKeyId)));
  });
});

test('refreshed once at expiration - refreshMarginMs', async () => {
  await startSts(1500);
  useIrsaEnv();
  const marginMs = 1000;
  const clients = signedClients(fromTokenFile(), { refreshMarginMs: marginMs });

  await expectRefreshedOnce(clients, `${api.url}/prod/pods`, sts.issued, marginMs);
  expect(sts.calls.AssumeRoleWithWebIdentity).toBe(2);
});

test('a token STS refuses: InvalidIdentityToken as a typed error without the token, nothing sent', async () => {
  await startSts();
  const forged = 'eyJhbGciOiJub25lIn0.forged-token.';
  useIrsaEnv(forged);

  const error = await signedClients(fromTokenFile())
    .fetch(`${api.url}/prod/pods`)
    .catch((e: unknown) => e);

  expect(error).toBeInstanceOf(SigV4CredentialsError);
  expect((error as Error).cause).toMatchObject({ name: 'InvalidIdentityTokenException' }); // the SDK's modeled name for the wire code InvalidIdentityToken;
  expect(leaksOf(error, [forged, OIDC_TOKEN])).toEqual([]);
  expect(sts.calls.AssumeRoleWithWebIdentity).toBe(1);
  expect(api.requests).toHaveLength(0);
});
