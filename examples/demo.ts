/**
 * `npm run demo`: signs requests through axios and fetch against the local IAM-verifying
 * endpoint, with Lambda-style credentials in the environment, and shows a tampered request
 * being rejected. `npm run demo -- --url <API URL>` calls a real IAM-protected API with the
 * credentials of your environment (region and service inferred from the host, or --region and
 * --service).
 */
import axios from 'axios';
import { attachSigV4, createSignedFetch, createSigner } from 'aws-sigv4-interceptor';
import { startLocalIamEndpoint, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';

const REGION = 'eu-west-1';
const SERVICE = 'execute-api';

/** Never print a signature or a session token, even a test one. */
const mask = (text: string) =>
  text
    .replace(/Signature=[0-9a-f]+/g, 'Signature=<redacted>')
    .replace(/x-amz-security-token:.*/g, 'x-amz-security-token:<redacted>');

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

function show(title: string, status: number, body: string) {
  console.log(`\n== ${title}: HTTP ${status}`);
  try {
    const echo = JSON.parse(body);
    if (echo.canonicalRequest) {
      console.log(`signed headers: ${echo.signedHeaders.join(', ')}`);
      console.log(`canonical request the endpoint verified:\n${mask(echo.canonicalRequest)}`);
    } else console.log(mask(echo.message ?? body));
  } catch {
    console.log(mask(body.slice(0, 2000)));
  }
}

async function local() {
  // What Lambda puts in the environment of every function: the execution role's keys.
  process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
  process.env.AWS_SESSION_TOKEN = TEST_CREDENTIALS.sessionToken;
  const endpoint = await startLocalIamEndpoint({ region: REGION, service: SERVICE });
  console.log(`local IAM-verifying endpoint on ${endpoint.url} (${REGION}/${SERVICE})`);
  try {
    const api = axios.create({ baseURL: `${endpoint.url}/prod`, validateStatus: () => true });
    attachSigV4(api, { region: REGION, service: SERVICE });
    const viaAxios = await api.post(
      '/orders',
      { id: 1, item: 'café' },
      { params: { note: 'a b' } },
    );
    show('axios POST /prod/orders', viaAxios.status, JSON.stringify(viaAxios.data));

    const signedFetch = createSignedFetch({ region: REGION, service: SERVICE });
    const viaFetch = await signedFetch(`${endpoint.url}/prod/orders?x=1&x=2`);
    show('fetch GET /prod/orders?x=1&x=2', viaFetch.status, await viaFetch.text());

    // Sign one body, send another: the endpoint recomputes the signature and refuses it.
    const url = `${endpoint.url}/prod/orders`;
    const signer = createSigner({ region: REGION, service: SERVICE });
    const headers = await signer.sign({ method: 'POST', url, body: '{"amount":1}' });
    const tampered = await fetch(url, {
      method: 'POST',
      headers: { ...headers },
      body: '{"amount":1000}',
    });
    show(
      'tampered body (signed {"amount":1}, sent {"amount":1000})',
      tampered.status,
      await tampered.text(),
    );
    console.log(`\nx-amzn-ErrorType: ${tampered.headers.get('x-amzn-errortype')}`);

    const ok = viaAxios.status === 200 && viaFetch.status === 200 && tampered.status === 403;
    console.log(
      ok ? '\ndemo OK: signed requests verified, the tampered one was refused' : '\ndemo FAILED',
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await endpoint.close();
  }
}

async function remote(url: string) {
  const options = { region: argument('region'), service: argument('service') };
  const api = axios.create({ validateStatus: () => true });
  attachSigV4(api, options);
  const viaAxios = await api.get(url, { responseType: 'text' });
  show(`axios GET ${url}`, viaAxios.status, String(viaAxios.data));
  const viaFetch = await createSignedFetch(options)(url);
  show(`fetch GET ${url}`, viaFetch.status, await viaFetch.text());
  process.exitCode = viaAxios.status < 400 && viaFetch.status < 400 ? 0 : 1;
}

const target = argument('url');
(target ? remote(target) : local()).catch((error: unknown) => {
  console.error(String(error));
  process.exitCode = 1;
});
