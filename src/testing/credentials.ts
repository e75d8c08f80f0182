import type { TestIdentity } from './types';

/**
 * The identity the endpoint accepts by default: temporary credentials shaped like the ones Lambda
 * puts in `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` (an `ASIA` key id,
 * which AWS uses for session credentials). The secret holds `/` and `+` as real ones often do.
 * Never valid against AWS.
 * @example
 * process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
 * process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
 * process.env.AWS_SESSION_TOKEN = TEST_CREDENTIALS.sessionToken;
 */
export const TEST_CREDENTIALS: Readonly<
  Required<Pick<TestIdentity, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>>
> = Object.freeze({
  accessKeyId: 'ASIALOCALTEST0000001',
  secretAccessKey: 'localTest/SecretAccessKey+NotForAWS00001',
  sessionToken: 'IQoJLocalTestSessionToken//////////wEaCXVzLWVhc3QtMSJGMEQCIFakeTokenForTests+0=',
});
