/**
 * `aws-sigv4-interceptor/testing`: a local endpoint that checks SigV4 signatures as API Gateway's
 * IAM authorization does, for tests and demos. Built on node:http and node:crypto only, and
 * sharing no code with the signing side, so that it can serve as an independent oracle.
 */

export { TEST_CREDENTIALS } from './credentials';
export { startLocalIamEndpoint } from './endpoint';
export { verifyRequest } from './verify';

export type { VerifiedEcho } from './echo';
export type {
  LocalIamEndpoint,
  LocalIamEndpointOptions,
  RawRequest,
  TestIdentity,
  VerifyFailure,
  VerifyOptions,
  VerifyResult,
  VerifySuccess,
} from './types';
