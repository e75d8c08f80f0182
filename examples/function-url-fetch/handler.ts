/**
 * A Lambda function POSTing JSON to another function's URL (auth type AWS_IAM, service `lambda`)
 * through the signed fetch. Environment: FUNCTION_URL; SIGNING_REGION and SIGNING_SERVICE only
 * when the host does not tell them (a local endpoint).
 */
import { createSignedFetch, diagnose, formatDiagnosis } from 'aws-sigv4-interceptor';

const { FUNCTION_URL, SIGNING_REGION, SIGNING_SERVICE } = process.env;
if (!FUNCTION_URL)
  throw new Error('Set FUNCTION_URL, e.g. https://abc123.lambda-url.eu-west-1.on.aws/');

// Once per execution environment; same signature as the global fetch.
const signedFetch = createSignedFetch({ region: SIGNING_REGION, service: SIGNING_SERVICE });

/** The invocation payload, forwarded as the JSON body. */
export interface OrderEvent {
  readonly orderId: string;
  readonly quantity: number;
}

export const handler = async (event: OrderEvent): Promise<unknown> => {
  const response = await signedFetch(new URL('orders', FUNCTION_URL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event), // the exact bytes sent are the bytes hashed
  });
  if (!response.ok) {
    const diagnosis = await diagnose(response); // undefined unless IAM or SigV4 refused the call
    if (diagnosis) console.error(formatDiagnosis(diagnosis));
    throw new Error(`POST orders failed: HTTP ${response.status} ${await response.text()}`);
  }
  return response.json();
};
