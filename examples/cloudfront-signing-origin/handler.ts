/**
 * Calls an IAM-protected API Gateway API through a CloudFront distribution in front of it.
 * CloudFront replaces Host with the origin's and prepends the origin path, so the request is
 * signed for what the origin receives (`signingOrigin`) while it is sent to CloudFront.
 * Environment: API_URL (the distribution, e.g. https://api.example.com), ORIGIN_URL (the origin
 * domain plus the origin path, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/prod);
 * SIGNING_REGION and SIGNING_SERVICE only when the origin's host does not tell them.
 */
import { createSignedFetch, diagnose, formatDiagnosis } from 'aws-sigv4-interceptor';

const { API_URL, ORIGIN_URL, SIGNING_REGION, SIGNING_SERVICE } = process.env;
if (!API_URL || !ORIGIN_URL) {
  throw new Error(
    'Set API_URL (the CloudFront URL) and ORIGIN_URL, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/prod',
  );
}

// Once per execution environment. Region and service are inferred from the origin's host.
const signedFetch = createSignedFetch({
  signingOrigin: ORIGIN_URL,
  region: SIGNING_REGION,
  service: SIGNING_SERVICE,
});

export const handler = async (event: { orderId: string }): Promise<unknown> => {
  // Sent to CloudFront as /orders/{id}; signed as the origin receives it: /prod/orders/{id}.
  const response = await signedFetch(`${API_URL}/orders/${encodeURIComponent(event.orderId)}`);
  if (!response.ok) {
    const diagnosis = await diagnose(response); // names a Host or path rewrite, and the fix
    if (diagnosis) console.error(formatDiagnosis(diagnosis));
    throw new Error(`GET order failed: HTTP ${response.status}`);
  }
  return response.json();
};
