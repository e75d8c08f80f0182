import { SigV4RequestError } from '../errors';
import { toWireUrl } from '../signing/wireUrl';
import { REALTIME_SUFFIX } from './constants';

/** AppSync's own host names; anything else is a custom domain (or a local test server). */
const APPSYNC_API_HOST = /^[a-z0-9]+\.appsync-api\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/i;

/** Which AppSync API: GraphQL at `/graphql`, Events at `/event`. @internal */
export type AppSyncApiKind = 'graphql' | 'event';

/**
 * The API's HTTP URL (`https://<id>.appsync-api.<region>.amazonaws.com/graphql`, a custom domain's
 * `https://api.example.com/graphql`, or `.../event` for Events), checked: the signatures are made
 * for it, so a real-time URL passed by mistake fails here, before anything is signed.
 * @internal
 */
export function appSyncApiUrl(input: string | URL, kind: AppSyncApiKind): URL {
  const url = toWireUrl(input, 'POST');
  const path = `/${kind}`;
  const httpScheme = url.protocol === 'https:' || url.protocol === 'http:';
  if (!httpScheme || !url.pathname.endsWith(path) || url.search) {
    const example = `https://abc123.appsync-api.eu-west-1.amazonaws.com${path}`;
    throw new SigV4RequestError(
      'INVALID_URL',
      `Not an AppSync ${kind === 'graphql' ? 'GraphQL' : 'Events'} API URL`,
      `pass the API's HTTP endpoint ending in ${path}, e.g. ${example} (not the real-time one)`,
      { method: 'POST', url },
    );
  }
  return url;
}

/**
 * The real-time endpoint of an AppSync API. On AppSync's own host names the label `appsync-api`
 * becomes `appsync-realtime-api` and the GraphQL path stays `/graphql`; a custom domain serves
 * `<path>/realtime` on the same host. Events always add `/realtime`. (The guides above, and
 * Amplify's getRealtimeEndpointUrl, which builds the same URLs.)
 * @internal
 */
export function appSyncRealtimeUrl(api: URL, kind: AppSyncApiKind): URL {
  const realtime = new URL(api.href);
  realtime.protocol = api.protocol === 'http:' ? 'ws:' : 'wss:';
  const ownHost = APPSYNC_API_HOST.test(api.hostname);
  if (ownHost) {
    realtime.hostname = api.hostname.replace('.appsync-api.', '.appsync-realtime-api.');
  }
  if (!ownHost || kind === 'event') realtime.pathname = `${api.pathname}${REALTIME_SUFFIX}`;
  return realtime;
}
