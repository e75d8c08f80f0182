/**
 * Where the page's settings come from: the query string, so one build serves any identity pool
 * (or the local servers of the test); the ID token from the URL fragment, where Cognito's hosted
 * sign-in page puts it (`#id_token=...`, implicit grant). Replace with constants for a real app.
 */
export interface PageConfig {
  /** The API's base URL, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com/prod`. */
  apiUrl: string;
  /** e.g. `eu-west-1:0f7e6d5c-1234-4abc-9def-0123456789ab`; its region is the prefix. */
  identityPoolId: string;
  /** The user pool whose ID tokens the identity pool accepts, e.g. `eu-west-1_AbCdEf123`. */
  userPoolId?: string;
  /** The signed-in user's ID token; none: a guest (the pool's unauthenticated role). */
  idToken?: string;
  /** Cognito identity's endpoint, for a VPC endpoint or a local server; none: AWS's. */
  cognitoEndpoint?: string;
  /** Only for a custom domain or a local server, where the host does not tell them. */
  signingRegion?: string;
  signingService?: string;
}

const optional = (value: string | null) => (value ? value : undefined);

/** Reads the settings of this page load; throws naming what is missing. */
export function readConfig(location: Location): PageConfig {
  const query = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.slice(1));
  const apiUrl = query.get('apiUrl');
  const identityPoolId = query.get('identityPoolId');
  if (!apiUrl || !identityPoolId) {
    throw new Error('Open this page with ?apiUrl=...&identityPoolId=...[&userPoolId=...]');
  }
  return {
    apiUrl: apiUrl.replace(/\/+$/, ''),
    identityPoolId,
    userPoolId: optional(query.get('userPoolId')),
    idToken: optional(fragment.get('id_token')),
    cognitoEndpoint: optional(query.get('cognitoEndpoint')),
    signingRegion: optional(query.get('signingRegion')),
    signingService: optional(query.get('signingService')),
  };
}
