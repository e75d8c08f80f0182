/**
 * A Lambda function calling an API in another AWS account: the execution role assumes a role of
 * that account (STS AssumeRole, with an external ID) and the calls are signed with the assumed
 * role's keys, cached and refreshed before they expire. Environment: API_URL, ROLE_ARN,
 * EXTERNAL_ID (if the role's trust policy requires one); SIGNING_REGION and SIGNING_SERVICE only
 * when the host does not tell them.
 */
import { createSignedFetch, diagnose, formatDiagnosis } from 'aws-sigv4-interceptor';

const { API_URL, ROLE_ARN, EXTERNAL_ID, SIGNING_REGION, SIGNING_SERVICE } = process.env;
if (!API_URL || !ROLE_ARN) {
  throw new Error('Set API_URL and ROLE_ARN, e.g. arn:aws:iam::210987654321:role/OrdersApiCaller');
}

// Once per execution environment: one AssumeRole for all warm invocations, until the role's
// credentials near their expiration.
const signedFetch = createSignedFetch({
  region: SIGNING_REGION,
  service: SIGNING_SERVICE,
  assumeRole: {
    roleArn: ROLE_ARN,
    externalId: EXTERNAL_ID,
    // Names the session after the function: CloudTrail in the other account shows who called.
    sessionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
  },
});

export const handler = async (event: { status?: string } = {}): Promise<unknown> => {
  const url = new URL(`${API_URL}/orders`);
  url.searchParams.set('status', event.status ?? 'open');
  // Rejects with a SigV4CredentialsError (code NO_CREDENTIALS, STS's answer as its cause) when
  // the role cannot be assumed; nothing is sent then.
  const response = await signedFetch(url);
  if (!response.ok) {
    const diagnosis = await diagnose(response);
    if (diagnosis) console.error(formatDiagnosis(diagnosis));
    throw new Error(`GET orders failed: HTTP ${response.status} ${await response.text()}`);
  }
  return response.json();
};
