/**
 * A Lambda function whose code, and the libraries it uses, call the global fetch: here ky, which
 * takes no signing hook. installSignedFetch, once at module scope, signs every fetch to the
 * orders API (an API Gateway API with IAM authorization); any other host, such as the webhook,
 * gets the request exactly as before, unsigned. Environment: ORDERS_API_URL, WEBHOOK_URL;
 * SIGNING_REGION and SIGNING_SERVICE only when the host does not tell them (a local endpoint).
 */
import { installSignedFetch } from 'aws-sigv4-interceptor';
import ky from 'ky';

const { ORDERS_API_URL, WEBHOOK_URL, SIGNING_REGION, SIGNING_SERVICE } = process.env;
if (!ORDERS_API_URL || !WEBHOOK_URL) {
  throw new Error(
    'Set ORDERS_API_URL (e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/prod/) and WEBHOOK_URL',
  );
}

// Once per execution environment, before any request. Only this host is signed.
// Exported for tests: calling it puts the original fetch back.
export const restoreFetch = installSignedFetch({
  hosts: [new URL(ORDERS_API_URL).host],
  region: SIGNING_REGION,
  service: SIGNING_SERVICE,
});

const ordersApi = ky.create({ prefixUrl: ORDERS_API_URL });

/** The invocation payload. */
export interface ShipEvent {
  readonly orderId: string;
}

export const handler = async (event: ShipEvent): Promise<unknown> => {
  // ky calls the global fetch: signed, since the host is the orders API's.
  const order = await ordersApi
    .post(`orders/${encodeURIComponent(event.orderId)}/ship`, { json: { carrier: 'local' } })
    .json();
  // Another host: the installed fetch hands it to the original fetch, no signing headers.
  await fetch(WEBHOOK_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ shipped: event.orderId }),
  });
  return order;
};
