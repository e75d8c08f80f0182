/**
 * What an example page needs to sign in as a Cognito user: a local Cognito identity endpoint with
 * one identity pool that accepts one user-pool ID token, the page's own server (which forwards
 * Cognito's calls, same origin), and the page's URL with its settings in the query and the token
 * in the fragment, where Cognito's hosted sign-in page puts it.
 */
import {
  startLocalCognitoIdentityEndpoint,
  type LocalCognitoIdentityEndpoint,
  type TestIdentity,
} from 'aws-sigv4-interceptor/testing';
import { startPageServer } from './pageServer';

export const REGION = 'us-east-1';
export const IDENTITY_POOL_ID = `${REGION}:0b5c2f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f`;
export const USER_POOL_ID = `${REGION}_AdminPool1`;
export const ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.admin-id-token.c2lnbmF0dXJl';

/** A running sign-in for the page served from `pageDir`. */
export interface PageSignIn {
  readonly cognito: LocalCognitoIdentityEndpoint;
  readonly server: Awaited<ReturnType<typeof startPageServer>>;
  /** Every identity Cognito issued credentials to: give it to the API as `credentials`. */
  readonly accepted: TestIdentity[];
  /** The page's URL for a signed-in user, with these settings besides the pool's. */
  pageUrl(settings: Record<string, string>): string;
  close(): Promise<void>;
}

/** Starts Cognito and the page's server. */
export async function startPageSignIn(pageDir: string): Promise<PageSignIn> {
  const accepted: TestIdentity[] = [];
  const cognito = await startLocalCognitoIdentityEndpoint({
    identityPools: [
      {
        identityPoolId: IDENTITY_POOL_ID,
        allowUnauthenticated: false,
        logins: { [`cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`]: [ID_TOKEN] },
      },
    ],
    registerWith: accepted,
  });
  const server = await startPageServer(pageDir, cognito.url);
  return {
    cognito,
    server,
    accepted,
    pageUrl(settings) {
      const query = new URLSearchParams({
        identityPoolId: IDENTITY_POOL_ID,
        userPoolId: USER_POOL_ID,
        cognitoEndpoint: server.origin,
        ...settings,
      });
      return `${server.origin}/index.html?${query}#id_token=${ID_TOKEN}`;
    },
    close: async () => {
      await Promise.all([cognito.close(), server.close()]);
    },
  };
}
