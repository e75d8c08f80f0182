// npm install aws-sigv4-interceptor && node quick-start.mjs
import { createSignedFetch } from 'aws-sigv4-interceptor';
import { startLocalIamEndpoint } from 'aws-sigv4-interceptor/testing';

// A local API on 127.0.0.1 that verifies SigV4 as API Gateway's IAM authorization does.
const endpoint = await startLocalIamEndpoint({ region: 'eu-west-1' });
try {
  const signedFetch = createSignedFetch(endpoint.signingOptions); // a real API: no options needed
  const signed = await signedFetch(`${endpoint.url}/prod/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 1 }),
  });
  console.log('signed:', signed.status); // 200: the signature verified
  console.log('unsigned:', (await fetch(`${endpoint.url}/prod/orders`)).status); // 403
} finally {
  await endpoint.close();
}
