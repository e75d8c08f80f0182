import type { Answer } from '../server/answer';
import { CONTENT_TYPE_HEADER, ERROR_TYPE_HEADER, JSON_CONTENT_TYPE } from '../constants';
import type { ResolvedVerifyOptions } from '../verifier/options';
import type { RawRequest } from '../types';
import { verifyResolved } from '../verifier/verify';
import { isEventList } from './eventsSession';
import { publishedEvents, type RealtimeHub } from './hub';

/**
 * AppSync Events' HTTP publishing ("Publish events via HTTP"): a signed `POST /event` of
 * `{"channel": ..., "events": [...]}` is verified like any request (service `appsync`), then
 * delivered to the subscriptions covering the channel; the answer lists each event as
 * `successful`. Errors come as AppSync's `{"errors": [{"errorType", "message"}]}`.
 */

const json = (status: number, value: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: { [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE, ...headers },
  body: Buffer.from(JSON.stringify(value), 'utf8'),
});

function publishRequest(body: Uint8Array): { channel: string; events: string[] } | undefined {
  try {
    const { channel, events } = JSON.parse(Buffer.from(body).toString('utf8'));
    return typeof channel === 'string' && isEventList(events) ? { channel, events } : undefined;
  } catch {
    return undefined;
  }
}

/** Answers a publish over HTTP. @internal */
export function answerHttpPublish(
  raw: RawRequest,
  settings: ResolvedVerifyOptions,
  hub: RealtimeHub,
): Answer {
  const result = verifyResolved(raw, settings);
  if (!result.ok) {
    const { errorType, message, status } = result;
    return {
      result,
      ...json(status, { errors: [{ errorType, message }] }, { [ERROR_TYPE_HEADER]: errorType }),
    };
  }
  const request = publishRequest(raw.body);
  if (!request) {
    const message = 'Send {"channel": "/namespace/channel", "events": [1 to 5 JSON texts]}';
    return { result, ...json(400, { errors: [{ errorType: 'BadRequestException', message }] }) };
  }
  hub.publishEvents(request.channel, request.events);
  return {
    result,
    ...json(200, { failed: [], successful: publishedEvents(request.events.length) }),
  };
}
