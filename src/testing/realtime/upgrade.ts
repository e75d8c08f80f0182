import { CONTENT_TYPE_HEADER, ERROR_TYPE_HEADER, JSON_CONTENT_TYPE } from '../constants';
import type { ResolvedVerifyOptions } from '../verifier/options';
import { firstHeader } from '../verifier/canonical/rawHeaders';
import { splitRawUrl } from '../verifier/canonical/rawUrl';
import type { RawRequest, VerifyResult } from '../types';
import { verifyResolved } from '../verifier/verify';
import type { UpgradeAnswer } from '../server/websocket';
import { verifyAuthorization } from './appsyncAuthorization';
import { connectionAuthorization, offeredSubprotocols } from './connectHeader';
import {
  APPSYNC_ERRORS,
  EVENTS_REALTIME_PATH,
  GRAPHQL_CONNECT_PATH,
  EVENTS_PATH,
  GRAPHQL_REALTIME_PATHS,
  IOT_FORBIDDEN_ERROR_TYPE,
  MQTT_PATH,
  SECURITY_TOKEN_QUERY_PARAM,
  SUBPROTOCOLS,
} from './constants';
import { eventsSession } from './eventsSession';
import { graphqlSession } from './graphqlSession';
import { mqttSession } from './mqttSession';
import type { ResolvedRealtimeOptions } from './options';
import type { AppSyncConnect, AppSyncContext } from './session';

/** An upgrade answered by a real-time route, with the verdict the endpoint records. @internal */
export type RealtimeUpgrade = UpgradeAnswer & { result: VerifyResult };

const NO_BODY = new Uint8Array();

/** The API host AppSync verifies against: the option, else the Host, real-time label undone. */
function apiHostOf(raw: RawRequest, apiHost: string | undefined): string {
  const host = firstHeader(raw.rawHeaders, 'host')?.trim() ?? '';
  return apiHost ?? host.replace('.appsync-realtime-api.', '.appsync-api.');
}

function appSyncUpgrade(
  raw: RawRequest,
  context: AppSyncContext,
  apiHostOption: string | undefined,
  events: boolean,
): RealtimeUpgrade {
  const apiHost = apiHostOf(raw, apiHostOption);
  const { header, body } = connectionAuthorization(raw);
  const path = events ? EVENTS_PATH : GRAPHQL_CONNECT_PATH;
  const verdict = verifyAuthorization(header, context.settings, { apiHost, path, body });
  const wanted = events ? SUBPROTOCOLS.events : SUBPROTOCOLS.graphql;
  const offered = offeredSubprotocols(raw).includes(wanted);
  // Events needs its subprotocol; the message is ours, the errorType AppSync's.
  const error =
    events && !offered
      ? { ...APPSYNC_ERRORS.subprotocol, message: `Offer the subprotocol ${wanted}` }
      : undefined;
  const connect: AppSyncConnect = { apiHost, verdict, error };
  const session = events ? eventsSession(context, connect) : graphqlSession(context, connect);
  const protocol = offered ? wanted : undefined;
  return { status: 200, headers: {}, body: NO_BODY, result: verdict, protocol, session };
}

function iotUpgrade(raw: RawRequest, settings: ResolvedVerifyOptions): RealtimeUpgrade {
  const result = verifyResolved(raw, settings, [SECURITY_TOKEN_QUERY_PARAM]);
  if (!result.ok) {
    const headers = {
      [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE,
      [ERROR_TYPE_HEADER]: IOT_FORBIDDEN_ERROR_TYPE,
    };
    const body = Buffer.from(JSON.stringify({ message: result.message }), 'utf8');
    return { status: 403, headers, body, result };
  }
  const protocol = offeredSubprotocols(raw).includes(SUBPROTOCOLS.mqtt)
    ? SUBPROTOCOLS.mqtt
    : undefined;
  return { status: 200, headers: {}, body: NO_BODY, result, protocol, session: mqttSession };
}

/**
 * The real-time route an upgrade request takes, by its path, or undefined for the endpoint's
 * ordinary `$connect`.
 * @internal
 */
export function realtimeUpgrade(
  raw: RawRequest,
  options: ResolvedRealtimeOptions,
  context: AppSyncContext,
  iotSettings: ResolvedVerifyOptions,
): RealtimeUpgrade | undefined {
  const { path } = splitRawUrl(raw.rawUrl);
  if (options.appsync && GRAPHQL_REALTIME_PATHS.includes(path)) {
    return appSyncUpgrade(raw, context, options.appsync.apiHost, false);
  }
  if (options.appsync && path === EVENTS_REALTIME_PATH) {
    return appSyncUpgrade(raw, context, options.appsync.apiHost, true);
  }
  return options.iotMqtt && path === MQTT_PATH ? iotUpgrade(raw, iotSettings) : undefined;
}
