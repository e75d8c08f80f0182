/**
 * A Lambda function in a VPC calling a private REST API (endpoint type PRIVATE, `AWS_IAM`
 * authorization) through an interface VPC endpoint for execute-api without private DNS: the
 * request goes to the endpoint's own DNS name and names the API either with the
 * `x-apigw-api-id` header (`handler`, fetch) or with the API's host as `Host` (`axiosHandler`,
 * axios; fetch cannot set Host). Either header is signed. Environment: VPC_ENDPOINT_URL, API_ID,
 * STAGE; SIGNING_REGION and SIGNING_SERVICE only when the host does not tell them.
 */
import axios from 'axios';
import { attachSigV4, createSignedFetch } from 'aws-sigv4-interceptor';

const { VPC_ENDPOINT_URL, API_ID, STAGE, SIGNING_REGION, SIGNING_SERVICE, AWS_REGION } =
  process.env;
if (!VPC_ENDPOINT_URL || !API_ID || !STAGE) {
  throw new Error(
    'Set VPC_ENDPOINT_URL (e.g. https://vpce-0123456789abcdef0-abcd1234.execute-api.eu-west-1.vpce.amazonaws.com), API_ID and STAGE',
  );
}

// Once per execution environment. Region and service (execute-api) are inferred from the VPC
// endpoint's DNS name, `vpce-...execute-api.<region>.vpce.amazonaws.com`.
const options = { region: SIGNING_REGION, service: SIGNING_SERVICE };
const stageUrl = `${VPC_ENDPOINT_URL}/${STAGE}`;
const signedFetch = createSignedFetch(options);
// The API's own host; a private API is in the region of the VPC endpoint, the function's.
const apiHost = `${API_ID}.execute-api.${SIGNING_REGION ?? AWS_REGION}.amazonaws.com`;
const api = axios.create({ baseURL: stageUrl, timeout: 10_000, headers: { Host: apiHost } });
attachSigV4(api, options);

/** fetch: the API is named by the `x-apigw-api-id` header. */
export const handler = async (): Promise<unknown> => {
  const response = await signedFetch(`${stageUrl}/items`, {
    headers: { 'x-apigw-api-id': API_ID },
  });
  if (!response.ok) throw new Error(`GET items failed: HTTP ${response.status}`);
  return response.json();
};

/** axios: the API is named by its own host in the `Host` header. */
export const axiosHandler = async (): Promise<unknown> => (await api.get('/items')).data;
