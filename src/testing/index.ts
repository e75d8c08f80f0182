/**
 * `aws-sigv4-interceptor/testing`: a local endpoint that checks SigV4 signatures as API Gateway's
 * IAM authorization does, for tests and demos. Built on node:http and node:crypto only, and
 * sharing no code with the signing side, so that it can serve as an independent oracle.
 */

export { TEST_CREDENTIALS } from './credentials';
export { startLocalIamEndpoint } from './endpoint';
export { SIGNING_HEADER_NAMES, signingHeadersIn, startRecordingServer } from './recorder';
export { verifyRequest } from './verify';
export { startLocalContainerCredentialsEndpoint } from './containerEndpoint';
export { startLocalStsEndpoint } from './stsEndpoint';
export { startLocalCognitoIdentityEndpoint } from './cognitoEndpoint';
export { startLocalSsoEndpoint } from './ssoEndpoint';

export type { VerifiedEcho } from './echo';
export type {
  AuthorizeDecision,
  IntegrationResponse,
  InvokeRequest,
  LocalAppSyncOptions,
  LocalIamEndpoint,
  LocalIamEndpointOptions,
  LocalRealtime,
  LocalSigningOptions,
  RawRequest,
  RealtimeMessageRecord,
  RecordedRequest,
  RecordingServer,
  RecordingServerOptions,
  RedirectTarget,
  TestIdentity,
  VerifyFailure,
  VerifyOptions,
  VerifyResult,
  VerifySuccess,
} from './types';
export type {
  CredentialServiceOptions,
  IssuedCredentials,
  LocalCredentialService,
} from './credentialServiceTypes';
export type {
  ContainerCredentialsAction,
  LocalContainerCredentialsEndpoint,
  LocalContainerCredentialsEndpointOptions,
} from './containerEndpoint';
export type { LocalStsEndpoint, LocalStsEndpointOptions, StsAction } from './stsEndpoint';
export type { LocalStsRole } from './stsRoles';
export type {
  CognitoIdentityAction,
  LocalCognitoIdentityEndpoint,
  LocalCognitoIdentityEndpointOptions,
} from './cognitoEndpoint';
export type { LocalIdentityPool } from './cognitoIdentities';
export type {
  LocalSsoEndpoint,
  LocalSsoEndpointOptions,
  LocalSsoRole,
  SsoAction,
} from './ssoEndpoint';
export type { CorsOptions } from './types';
