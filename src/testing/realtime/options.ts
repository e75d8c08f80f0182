import type { LocalIamEndpointOptions } from '../types';
import { DEFAULT_KEEP_ALIVE_MS } from './constants';

/** The real-time options, validated and defaulted. @internal */
export interface ResolvedRealtimeOptions {
  /** Undefined: AppSync's paths are ordinary routes. */
  appsync?: { apiHost?: string; keepAliveMs: number };
  iotMqtt: boolean;
}

/** Validates `appsync` and `iotMqtt` at start, so a typo fails the test at once. @internal */
export function resolveRealtimeOptions(options: LocalIamEndpointOptions): ResolvedRealtimeOptions {
  const { appsync, iotMqtt = false } = options;
  if (typeof iotMqtt !== 'boolean') throw new TypeError('iotMqtt must be true or false');
  if (appsync === undefined || appsync === false) return { iotMqtt };
  const { apiHost, keepAliveMs = DEFAULT_KEEP_ALIVE_MS } = appsync === true ? {} : appsync;
  if (apiHost !== undefined && (typeof apiHost !== 'string' || !/^[^\s/]+$/.test(apiHost))) {
    throw new TypeError(`appsync.apiHost must be a host name (host or host:port), got ${apiHost}`);
  }
  if (!Number.isFinite(keepAliveMs) || keepAliveMs < 1) {
    throw new RangeError(
      `appsync.keepAliveMs must be a number of milliseconds >= 1, got ${keepAliveMs}`,
    );
  }
  return { appsync: { apiHost, keepAliveMs }, iotMqtt };
}
