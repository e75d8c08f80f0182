/**
 * A Lambda function publishing to an AppSync Events channel (API with IAM authorization) over
 * HTTP: a signed `POST /event` of `{"channel", "events"}` through the signed fetch, service
 * `appsync` inferred from the `*.appsync-api.<region>.amazonaws.com` host. Environment:
 * EVENTS_URL, CHANNEL; SIGNING_REGION only for a custom domain or a local endpoint.
 */
import { createSignedFetch, diagnose, formatDiagnosis } from 'aws-sigv4-interceptor';

const { EVENTS_URL, CHANNEL = '/default/orders', SIGNING_REGION } = process.env;
if (!EVENTS_URL) {
  throw new Error('Set EVENTS_URL, e.g. https://abc123.appsync-api.eu-west-1.amazonaws.com/event');
}

// Once per execution environment. The service is fixed: a custom domain tells nothing.
const signedFetch = createSignedFetch({ region: SIGNING_REGION, service: 'appsync' });

/** AppSync's answer: which events it accepted (by index) and which it did not. */
export interface PublishResult {
  successful: Array<{ identifier: string; index: number }>;
  failed: Array<{ identifier?: string; index: number; code?: number; message?: string }>;
}

/** Publishes the invocation's `events` (1 to 5, any JSON values) to CHANNEL. */
export const handler = async (event: { events: unknown[] }): Promise<PublishResult> => {
  const response = await signedFetch(EVENTS_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // Each event travels as its JSON text, as AppSync Events expects.
    body: JSON.stringify({ channel: CHANNEL, events: event.events.map((e) => JSON.stringify(e)) }),
  });
  if (!response.ok) {
    const diagnosis = await diagnose(response);
    if (diagnosis) console.error(formatDiagnosis(diagnosis));
    throw new Error(`Publish failed: HTTP ${response.status} ${await response.text()}`);
  }
  const result = (await response.json()) as PublishResult;
  if (result.failed.length > 0) throw new Error(`Events refused: ${JSON.stringify(result.failed)}`);
  return result;
};
