/**
 * aws-sigv4-interceptor: SigV4 signing for axios and fetch, one shared signer.
 * Public names only, listed one by one; nothing runs on import.
 * @packageDocumentation
 */
export { createSigner } from './signing/signer';
export { createAxiosInterceptor, attachSigV4 } from './axios/interceptor';
export { createSignedFetch } from './fetch/signedFetch';
export { installSignedFetch } from './fetch/install';
export { clearCredentialCache } from './credentials/clearCredentialCache';
export { afterSnapshotRestore } from './credentials/afterSnapshotRestore';
export { inferSigningScope } from './scope/infer';
export { presign } from './signing/presign';
export { createAppSyncRealtimeSigner } from './realtime/appsyncGraphql';
export { createAppSyncEventsSigner } from './realtime/appsyncEvents';
export { presignIotMqtt } from './realtime/iotMqtt';
export { diagnose } from './diagnosis/diagnose';
export { formatDiagnosis } from './diagnosis/format';
export { diagnosisOf } from './diagnosis/diagnosisOf';
export {
  SigV4Error,
  SigV4OptionsError,
  SigV4RequestError,
  SigV4CredentialsError,
  isSigV4Error,
} from './errors';

export type {
  AssumeRoleOptions,
  AwsCredentialIdentity,
  AwsCredentialProvider,
  HostMatcher,
  SigV4Options,
  SignableRequest,
  Signer,
  SigningHeaders,
  SigV4Logger,
} from './types';
export type { PresignOptions } from './signing/presign';
export type { AppSyncRealtimeSigner } from './realtime/appsyncGraphql';
export type { AppSyncEventsSigner } from './realtime/appsyncEvents';
export type {
  AppSyncEventsPublishMessage,
  AppSyncEventsSubscribeMessage,
  AppSyncIamAuthorization,
  AppSyncStartMessage,
  GraphqlSubscription,
  IotMqttPresignOptions,
  RealtimeConnection,
  RealtimeSigningOptions,
} from './realtime/types';
export type { FailureKind } from './diagnosis/classify';
export type {
  CanonicalDifference,
  CanonicalPart,
  Diagnosis,
  SigningRecord,
} from './diagnosis/types';
export type { SignedFetchOptions } from './fetch/signedFetch';
export type { InstallSignedFetchOptions } from './fetch/install';
export type {
  AxiosInstanceLike,
  AxiosRequestConfigLike,
  AxiosRequestInterceptor,
  AxiosHeadersLike,
} from './axios/types';
export type { SigningScope } from './scope/infer';
export type { SigV4ErrorCode, SigV4ErrorContext } from './errors';
