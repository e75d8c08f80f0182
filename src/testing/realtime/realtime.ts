import type { Answer } from '../server/answer';
import { resolveVerifyOptions } from '../verifier/options';
import { splitRawUrl } from '../verifier/canonical/rawUrl';
import type { LocalIamEndpointOptions, LocalRealtime, RawRequest } from '../types';
import { APPSYNC_SERVICE, EVENTS_PATH, IOT_SERVICE } from './constants';
import { createHub } from './hub';
import { answerHttpPublish } from './httpPublish';
import { resolveRealtimeOptions } from './options';
import type { AppSyncContext } from './session';
import { realtimeUpgrade, type RealtimeUpgrade } from './upgrade';

/** The real-time routes of one endpoint. @internal */
export interface RealtimeRoutes {
  /** The answer to an upgrade on a real-time path, or undefined. */
  upgrade(raw: RawRequest): RealtimeUpgrade | undefined;
  /** The answer to an HTTP request on a real-time path (`POST /event`), or undefined. */
  request(raw: RawRequest): Answer | undefined;
  /** The endpoint's `realtime` property. */
  readonly handle: LocalRealtime;
}

/**
 * The real-time side of an endpoint, from its options: AppSync verifies with the service
 * `appsync`, IoT Core with `iotdevicegateway`, both in the endpoint's region with its identities
 * and clock.
 * @internal
 */
export function createRealtimeRoutes(options: LocalIamEndpointOptions): RealtimeRoutes {
  const resolved = resolveRealtimeOptions(options);
  const hub = createHub();
  const context: AppSyncContext = {
    settings: resolveVerifyOptions({ ...options, service: APPSYNC_SERVICE }),
    hub,
    messages: [],
    keepAliveMs: resolved.appsync?.keepAliveMs ?? 0,
  };
  const iotSettings = resolveVerifyOptions({ ...options, service: IOT_SERVICE });
  return {
    upgrade: (raw) => realtimeUpgrade(raw, resolved, context, iotSettings),
    request(raw) {
      const isPublish = raw.method === 'POST' && splitRawUrl(raw.rawUrl).path === EVENTS_PATH;
      return resolved.appsync && isPublish
        ? answerHttpPublish(raw, context.settings, hub)
        : undefined;
    },
    handle: {
      messages: context.messages,
      publishGraphql: (data) => hub.publishGraphql(data),
      publishEvents: (channel, events) =>
        hub.publishEvents(
          channel,
          events.map((event) => JSON.stringify(event) ?? 'null'),
        ),
    },
  };
}
