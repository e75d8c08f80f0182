/**
 * The default chain with a container credentials endpoint (ECS, SnapStart) that accepts the
 * connection and never answers: both clients settle with the typed credentials error, and
 * nothing is sent to the API.
 */
import { startLocalIamEndpoint, type LocalIamEndpoint } from 'aws-sigv4-interceptor/testing';
import { CLIENT_NAMES, CLIENTS } from '../support/clients';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';
import { isolateAwsEnvironment } from '../credentials/sources/support';

const { useEnv } = isolateAwsEnvironment();

let hanging: ScriptedServer;
let endpoint: LocalIamEndpoint;
beforeEach(async () => {
  hanging = await startScriptedServer(() => new Promise(() => undefined));
  endpoint = await startLocalIamEndpoint({ region: 'us-east-1' });
  useEnv({ AWS_CONTAINER_CREDENTIALS_FULL_URI: `${hanging.url}/v2/credentials` });
});
afterEach(() => Promise.all([hanging.close(), endpoint.close()]));

test.each(CLIENT_NAMES)('%s: settles with SigV4CredentialsError', async (client) => {
  const call = CLIENTS[client]({
    region: 'us-east-1',
    service: 'execute-api',
    credentialsTimeoutMs: 2000,
  });
  await expect(call(`${endpoint.url}/prod/x`)).rejects.toMatchObject({
    name: 'SigV4CredentialsError',
    message: expect.stringMatching(/container credentials endpoint/),
  });
  expect(hanging.arrivals.length).toBeGreaterThan(0);
  expect(endpoint.requests).toHaveLength(0);
});
