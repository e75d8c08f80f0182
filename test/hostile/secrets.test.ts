/**
 * Nothing secret on what users log: an axios error or response printed, serialized or inspected
 * holds no session token and no signature; the debug log masks every credential-like header; an
 * error's cause never quotes a credential endpoint's body; a logger that throws fails nothing.
 */
import util from 'node:util';
import axios, { type AxiosError } from 'axios';
import { fromHttp } from '@aws-sdk/credential-providers';
import { attachSigV4, createSignedFetch } from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { CLIENT_NAMES, CLIENTS } from '../support/clients';
import { freshEndpoint } from '../support/freshEndpoint';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

const credentials = TEST_CREDENTIALS;
const scope = { region: 'us-east-1', service: 'execute-api', credentials } as const;

/** Every way a user prints an error or a response. */
const printed = (value: unknown) => [
  util.inspect(value),
  util.inspect(value, { depth: 4 }),
  util.format('%s %o', value, value),
  JSON.stringify(value),
  JSON.stringify((value as { toJSON?: () => unknown }).toJSON?.() ?? null),
];

const SIGNATURE = /Signature=[0-9a-f]{64}/;

function expectNoSecret(value: unknown) {
  for (const text of printed(value)) {
    expect(text).not.toContain(credentials.sessionToken);
    expect(text).not.toContain(credentials.secretAccessKey);
    expect(text).not.toMatch(SIGNATURE);
  }
}

const endpoint = freshEndpoint({ region: 'us-east-1', authorize: ['GET /prod/open'] });

describe.each(['http', 'fetch'] as const)('axios with its %s adapter', (adapter) => {
  const api = () => {
    const instance = axios.create({ adapter });
    attachSigV4(instance, scope);
    return instance;
  };

  test('the AxiosError of a refused call: config, toJSON and inspect hold no secret', async () => {
    const error = (await api()
      .get(`${endpoint.url}/prod/closed`)
      .catch((e: unknown) => e)) as AxiosError;
    expect(error.response?.status).toBe(403);
    expect(endpoint.requests[0].raw.rawHeaders).toContain(credentials.sessionToken);
    expectNoSecret(error);
    expect(error.config?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=.*Signature=\*\*\*$/,
    );
    expect(error.request).toBeDefined(); // still there for code that reads it
  });

  test('a successful response, printed, holds no secret', async () => {
    // Not the endpoint's echo: it sends the request's headers back in its body.
    const quiet = await startScriptedServer(() => ({ status: 200, body: '{"ok":true}' }));
    try {
      const response = await api().get(`${quiet.url}/prod/open`);
      expect(response.status).toBe(200);
      expect(quiet.arrivals[0].headers['x-amz-security-token']).toBe(credentials.sessionToken);
      expectNoSecret(response);
    } finally {
      await quiet.close();
    }
  });

  test('a retry of the scrubbed config is signed afresh and succeeds', async () => {
    const instance = api();
    const error = (await instance
      .get(`${endpoint.url}/prod/closed`)
      .catch((e: unknown) => e)) as AxiosError;
    const retried = await instance.request({ ...error.config!, url: `${endpoint.url}/prod/open` });
    expect(retried.status).toBe(200);
  });
});

test('axios: a connection dropped after signing rejects with an error that holds no secret', async () => {
  const dropper = await startScriptedServer(() => new Promise(() => undefined));
  const instance = axios.create({ timeout: 200 });
  attachSigV4(instance, scope);
  const request = instance.get(`${dropper.url}/prod/x`).catch((e: unknown) => e);
  const closing = new Promise((resolve) => setTimeout(resolve, 50)).then(() => dropper.close());
  const error = await request;
  await closing;
  expect(axios.isAxiosError(error)).toBe(true);
  expect(dropper.arrivals[0].headers['x-amz-security-token']).toBe(credentials.sessionToken);
  expectNoSecret(error);
});

describe.each(CLIENT_NAMES)('%s debug log', (client) => {
  test('masks cookie, x-api-key and the session token of what was signed', async () => {
    const lines: unknown[] = [];
    const call = CLIENTS[client]({
      ...scope,
      debug: { debug: (message, details) => lines.push({ message, details }) },
    });
    const answer = await call(`${endpoint.url}/prod/open`, {
      headers: { cookie: 'session=cookie-secret-1', 'x-api-key': 'api-key-secret-2' },
    });
    expect(answer.status).toBe(200);
    const canonical = endpoint.requests[0].result.canonicalRequest ?? '';
    expect(canonical).toContain('cookie-secret-1'); // signed, so it was in the canonical request
    const everything = JSON.stringify(lines);
    for (const secret of ['cookie-secret-1', 'api-key-secret-2', credentials.sessionToken]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).toContain('cookie:***');
  });

  test('a logger that throws fails nothing', async () => {
    const call = CLIENTS[client]({
      ...scope,
      debug: {
        debug: () => {
          throw new Error('the logger is broken');
        },
      },
    });
    expect((await call(`${endpoint.url}/prod/open`)).status).toBe(200);
  });
});

describe('a credential endpoint whose body holds a secret but is not JSON', () => {
  let source: ScriptedServer;
  const leaked = 'wJalrXUtnFEMI/K7MDENGbPxRfiCYEXAMPLEKEY';
  beforeEach(async () => {
    source = await startScriptedServer(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: `Secret ${leaked} is here, but this is not JSON at all, and it goes on for a while`,
    }));
  });
  afterEach(() => source.close());

  test.each(CLIENT_NAMES)('%s: the typed error and its cause quote none of it', async (client) => {
    const provider = fromHttp({
      awsContainerCredentialsFullUri: `${source.url}/creds`,
      maxRetries: 0,
    });
    const call = CLIENTS[client]({
      region: 'us-east-1',
      service: 'execute-api',
      credentials: provider,
    });
    const error = (await call(`${endpoint.url}/prod/open`).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ name: 'SigV4CredentialsError', code: 'NO_CREDENTIALS' });
    expect(source.arrivals.length).toBeGreaterThan(0);
    for (const text of [...printed(error), String(error.stack), util.inspect(error.cause)]) {
      expect(text).not.toContain(leaked.slice(0, 3));
    }
  });
});

test('fetch: a response of a signed call carries nothing of the request', async () => {
  const response = await createSignedFetch(scope)(`${endpoint.url}/prod/open`);
  expectNoSecret(response);
});
