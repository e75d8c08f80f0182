/**
 * `aws-sigv4-interceptor/testing`: a local endpoint that checks SigV4 signatures as API Gateway's
 * IAM authorization does, for tests and demos. Built on node:http and node:crypto only, and
 * sharing no code with the signing side, so that it can serve as an independent oracle.
 */

export { TEST_CREDENTIALS } from './credentials';
export { startLocalIamEndpoint } from './server/endpoint';
export { SIGNING_HEADER_NAMES, signingHeadersIn, startRecordingServer } from './server/recorder';
export { verifyRequest } from './verifier/verify';
export { startLocalContainerCredentialsEndpoint } from './services/containerEndpoint';
export { startLocalStsEndpoint } from './services/stsEndpoint';
export { startLocalCognitoIdentityEndpoint } from './services/cognitoEndpoint';
export { startLocalSsoEndpoint } from './services/ssoEndpoint';

export type { VerifiedEcho } from './server/echo';
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
} from './services/credentialServiceTypes';
export type {
  ContainerCredentialsAction,
  LocalContainerCredentialsEndpoint,
  LocalContainerCredentialsEndpointOptions,
} from './services/containerEndpoint';
export type { LocalStsEndpoint, LocalStsEndpointOptions, StsAction } from './services/stsEndpoint';
export type { LocalStsRole } from './services/stsRoles';
export type {
  CognitoIdentityAction,
  LocalCognitoIdentityEndpoint,
  LocalCognitoIdentityEndpointOptions,
} from './services/cognitoEndpoint';
export type { LocalIdentityPool } from './services/cognitoIdentities';
export type {
  LocalSsoEndpoint,
  LocalSsoEndpointOptions,
  LocalSsoRole,
  SsoAction,
} from './services/ssoEndpoint';
export type { CorsOptions } from './types';
