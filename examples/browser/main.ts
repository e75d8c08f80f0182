/**
 * An admin page calling an IAM-protected API from the browser: credentials from a Cognito identity
 * pool (the signed-in user's ID token as the login), one GET through the signed fetch and one
 * POST through axios with the interceptor, both signed by the same signer settings and served
 * by one cached set of credentials. Bundle it for the browser (esbuild, vite, webpack): the
 * package's `browser` export is chosen, with no Node built-in and no default credential chain.
 */
import axios from 'axios';
import { attachSigV4, createSignedFetch, diagnose, formatDiagnosis } from 'aws-sigv4-interceptor';
import { readConfig } from './config';
import { poolCredentials } from './credentials';

const show = (id: string, text: string, state?: string) => {
  const element = document.getElementById(id)!;
  element.textContent = text;
  if (state) element.dataset.state = state;
};

/** One result row: the HTTP status and what the API answered, or the diagnosis of a refusal. */
async function report(id: string, call: () => Promise<{ status: number; body: unknown }>) {
  try {
    const { status, body } = await call();
    show(id, `HTTP ${status}\n${JSON.stringify(body, null, 2)}`, status < 300 ? 'ok' : 'refused');
  } catch (error) {
    show(id, String(error), 'failed');
  }
}

async function main(): Promise<void> {
  const config = readConfig(window.location);
  const options = {
    // One provider for both clients: one entry in the package's cache, one Cognito sign-in.
    credentials: poolCredentials(config, (identityId) =>
      show('identity', `${config.idToken ? 'Signed in' : 'Guest'}: ${identityId}`),
    ),
    region: config.signingRegion,
    service: config.signingService,
  };
  const signedFetch = createSignedFetch(options);
  const api = axios.create({ baseURL: config.apiUrl, validateStatus: () => true });
  attachSigV4(api, options);

  await Promise.all([
    report('fetch-result', async () => {
      const response = await signedFetch(`${config.apiUrl}/orders?status=open`);
      if (!response.ok) {
        const diagnosis = await diagnose(response);
        if (diagnosis) console.error(formatDiagnosis(diagnosis));
      }
      return { status: response.status, body: await response.json() };
    }),
    report('axios-result', async () => {
      const { status, data } = await api.post('/orders', { id: 1, item: 'coffee' });
      return { status, body: data };
    }),
  ]);
}

main()
  .catch((error: unknown) => show('identity', String(error), 'failed'))
  .finally(() => (document.body.dataset.state = 'done'));
