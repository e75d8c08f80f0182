/**
 * Private APIs through an interface VPC endpoint (DOMAIN.md §3): the request goes to the VPC
 * endpoint's DNS name with `x-apigw-api-id`, signed like any header; axios may instead send the
 * API's own Host header, which is then what is signed.
 */
import axios from 'axios';
import { attachSigV4 } from 'aws-sigv4-interceptor';
import { startLocalIamEndpoint, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { CLIENT_NAMES, CLIENTS } from '../support/clients';

const options = { region: 'us-east-1', service: 'execute-api', credentials: TEST_CREDENTIALS };

test.each(CLIENT_NAMES)('%s: x-apigw-api-id is sent and signed', async (client) => {
  const endpoint = await startLocalIamEndpoint();
  try {
    const answer = await CLIENTS[client](options)(`${endpoint.url}/prod/items`, {
      headers: { 'x-apigw-api-id': 'a1b2c3d4e5' },
    });
    expect(answer.status).toBe(200);
    expect((answer.body as { signedHeaders: string[] }).signedHeaders).toContain('x-apigw-api-id');
  } finally {
    await endpoint.close();
  }
});

test("axios: the API's own Host header is sent and signed", async () => {
  const endpoint = await startLocalIamEndpoint();
  try {
    const api = axios.create();
    attachSigV4(api, options);
    const host = 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com';
    const response = await api.get(`${endpoint.url}/prod/items`, { headers: { Host: host } });
    expect(response.status).toBe(200);
    expect(response.data.headers.host).toBe(host);
  } finally {
    await endpoint.close();
  }
});
