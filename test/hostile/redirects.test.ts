/**
 * A signature and session token go only to the origin they were signed for (DOMAIN.md §7),
 * whatever a server's redirect says: another origin, an https → http downgrade, another AWS
 * tenant's host, with `signingOrigin`, with and without `hosts`, through both clients. Each
 * hostile server is a loopback server that records everything that reached it.
 */
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  verifyRequest,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';
import { CLIENT_NAMES, CLIENTS } from '../support/clients';
import {
  redirectTo,
  startScriptedServer,
  type Arrival,
  type ScriptedServer,
} from '../support/scriptedServer';
import { makeSelfSignedCertificate, type Certificate } from '../support/selfSignedCertificate';

/** Every header that carries or goes with a signature. */
const signingHeaders = (arrival: Arrival) =>
  Object.keys(arrival.headers).filter(
    (name) => name === 'authorization' || name.startsWith('x-amz-'),
  );

/** An arrival as the verifier reads a raw request. */
const rawOf = (arrival: Arrival) => ({
  method: arrival.method,
  rawUrl: arrival.url,
  rawHeaders: Object.entries(arrival.headers).flat(),
  body: new Uint8Array(arrival.body),
});

const ok = () => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: '{"ok":true}',
});

const servers: Array<ScriptedServer | LocalIamEndpoint> = [];
async function server(...args: Parameters<typeof startScriptedServer>) {
  const started = await startScriptedServer(...args);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

let certificate: Certificate;
beforeAll(() => {
  certificate = makeSelfSignedCertificate();
});

const credentials = TEST_CREDENTIALS;
const scope = { region: 'us-east-1', service: 'execute-api', credentials } as const;

describe.each(CLIENT_NAMES)('%s', (client) => {
  test('signingOrigin (the CloudFront recipe, no hosts): a redirect to another origin is not signed', async () => {
    const stranger = await server(ok);
    const proxy = await server(() => redirectTo(`${stranger.url}/collect`));
    const call = CLIENTS[client]({
      signingOrigin: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod',
      credentials,
    });
    expect((await call(`${proxy.url}/items`)).status).toBe(200);
    expect(signingHeaders(proxy.arrivals[0])).toContain('authorization');
    expect(stranger.arrivals).toHaveLength(1);
    expect(signingHeaders(stranger.arrivals[0])).toEqual([]);
  });

  test('signingOrigin: a redirect within the proxy is signed for the signing origin again', async () => {
    const proxy = await server((_, index) => (index === 0 ? redirectTo('/next') : ok()));
    const call = CLIENTS[client]({
      signingOrigin: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod',
      credentials,
    });
    expect((await call(`${proxy.url}/items`)).status).toBe(200);
    const [, second] = proxy.arrivals;
    expect(second.url).toBe('/next');
    expect(second.headers.authorization).toMatch(/us-east-1\/execute-api\/aws4_request/);
  });

  test.each([
    ['GET 302', 'GET', 302, 'GET', ''],
    ['POST 302 turned GET', 'POST', 302, 'GET', ''],
    ['POST 307 keeps its body', 'POST', 307, 'POST', 'order=1'],
    ['PUT 308 keeps its body', 'PUT', 308, 'PUT', 'order=1'],
  ])(
    'region + service, no hosts: %s to another origin arrives with no signing header',
    async (_, method, status, arrivedMethod, arrivedBody) => {
      const stranger = await server(ok);
      const api = await server(() => redirectTo(`${stranger.url}/collect`, status));
      const call = CLIENTS[client](scope);
      const body = method === 'GET' ? undefined : 'order=1';
      expect((await call(`${api.url}/prod/orders`, { method, body })).status).toBe(200);
      expect(api.arrivals[0].headers['x-amz-security-token']).toBe(credentials.sessionToken);
      const [arrived] = stranger.arrivals;
      expect(signingHeaders(arrived)).toEqual([]);
      expect({ method: arrived.method, body: arrived.body.toString() }).toEqual({
        method: arrivedMethod,
        body: arrivedBody,
      });
    },
  );

  test('https → http: a downgrade to a host in `hosts` is sent unsigned, in the clear', async () => {
    const plain = await server(ok);
    const secure = await server(() => redirectTo(`${plain.url}/after`), { tls: certificate });
    const call = CLIENTS[client]({ ...scope, hosts: ['127.0.0.1'] }, { ca: certificate.cert });
    expect((await call(`${secure.url}/prod/x`)).status).toBe(200);
    expect(signingHeaders(secure.arrivals[0])).toContain('authorization');
    expect(signingHeaders(plain.arrivals[0])).toEqual([]);
  });

  test('http → https → http within `hosts`: signed for each host, but not after the downgrade', async () => {
    const listed = await startLocalIamEndpoint({ region: 'us-east-1' });
    servers.push(listed);
    const secure = await server(() => redirectTo(`${listed.url}/prod/there`), {
      tls: certificate,
    });
    const start = await server(() => redirectTo(`${secure.url}/prod/x`));
    const call = CLIENTS[client]({ ...scope, hosts: ['127.0.0.1'] }, { ca: certificate.cert });
    expect((await call(`${start.url}/prod/start`)).status).toBe(403);
    const securePort = new URL(secure.url).port;
    const verified = verifyRequest(rawOf(secure.arrivals[0]), { region: 'us-east-1' });
    expect(verified).toMatchObject({ ok: true });
    expect(verified.ok && verified.canonicalRequest).toContain(`host:127.0.0.1:${securePort}`);
    expect(listed.requests).toHaveLength(1);
    expect(listed.requests[0].result).toMatchObject({
      ok: false,
      errorType: 'MissingAuthenticationTokenException',
    });
  });

  test('inferred scope: a redirect to another AWS tenant of the same service is not signed', async () => {
    const tenant = await server(ok);
    const api = await startLocalIamEndpoint({
      region: 'us-east-1',
      redirects: {
        '/prod/away': `http://evil999.execute-api.us-east-1.amazonaws.com:${tenant.port}/prod/steal`,
        '/prod/moved': '/prod/new',
      },
    });
    servers.push(api);
    const call = CLIENTS[client]({ credentials }, { loopback: true });
    const host = `http://abc123.execute-api.us-east-1.amazonaws.com:${api.port}`;
    expect((await call(`${host}/prod/away`)).status).toBe(200);
    expect((await call(`${host}/prod/moved`)).status).toBe(200);
    expect(api.requests.map((r) => r.result.ok)).toEqual([true, true, true]);
    expect(tenant.arrivals).toHaveLength(1);
    expect(signingHeaders(tenant.arrivals[0])).toEqual([]);
  });

  test('a redirect to a scheme neither client follows is refused as the client refuses it', async () => {
    const api = await server(() => redirectTo('file:///etc/passwd'));
    const call = CLIENTS[client](scope);
    const error = await call(`${api.url}/prod/x`).then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string; cause?: Error },
    );
    if (client === 'fetch') {
      expect(error).toBeInstanceOf(TypeError);
      expect(error?.cause?.message).toBe('URL scheme must be a HTTP(S) scheme');
    } else {
      expect(error?.code).toBe('ERR_FR_REDIRECTION_FAILURE');
    }
    expect(api.arrivals).toHaveLength(1);
  });
});

describe('redirect loops end as the client ends them', () => {
  let loop: ScriptedServer;
  beforeEach(async () => {
    loop = await server((_, index) => redirectTo(`/hop/${index + 1}`));
  });

  test('fetch: 20 redirects, then TypeError "fetch failed" (cause: redirect count exceeded)', async () => {
    const { createSignedFetch } = await import('aws-sigv4-interceptor');
    const error = await createSignedFetch(scope)(`${loop.url}/hop/0`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect(((error as Error).cause as Error).message).toBe('redirect count exceeded');
    expect(loop.arrivals).toHaveLength(21);
  });

  test('axios: maxRedirects followed, then ERR_FR_TOO_MANY_REDIRECTS', async () => {
    const { default: axios } = await import('axios');
    const { attachSigV4 } = await import('aws-sigv4-interceptor');
    const api = axios.create({ maxRedirects: 3 });
    attachSigV4(api, scope);
    const error = await api.get(`${loop.url}/hop/0`).catch((e: unknown) => e);
    expect(axios.isAxiosError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'ERR_FR_TOO_MANY_REDIRECTS',
      message: 'Maximum number of redirects exceeded',
    });
    expect(loop.arrivals).toHaveLength(4);
    expect(JSON.stringify(error)).not.toContain(credentials.sessionToken);
  });
});

test('fetch: a followed redirect sets response.redirected and response.url as fetch does', async () => {
  const api = await server((_, index) => (index === 0 ? redirectTo('/prod/final') : ok()));
  const answer = await CLIENTS.fetch(scope)(`${api.url}/prod/start`);
  expect(answer).toMatchObject({ status: 200, redirected: true, url: `${api.url}/prod/final` });
  const direct = await CLIENTS.fetch(scope)(`${api.url}/prod/final`);
  expect(direct.redirected).toBe(false);
});

describe('redirect bodies are let go, so their connections serve again', () => {
  const body = 'x'.repeat(16 * 1024);
  let chain: ScriptedServer;
  beforeEach(async () => {
    chain = await server((arrival) => {
      const hop = Number(/\/hop\/(\d+)/.exec(arrival.url)?.[1] ?? 0);
      return hop < 19 ? { ...redirectTo(`/hop/${hop + 1}`), body } : ok();
    });
  });

  test('fetch: 190 redirects with 16 KB bodies over a handful of connections', async () => {
    const call = CLIENTS.fetch(scope);
    for (let i = 0; i < 10; i++) expect((await call(`${chain.url}/hop/0`)).status).toBe(200);
    expect(chain.arrivals).toHaveLength(200);
    expect(chain.connections()).toBeLessThanOrEqual(5);
  });

  test("axios with responseType 'stream': the same", async () => {
    const { default: axios } = await import('axios');
    const { attachSigV4 } = await import('aws-sigv4-interceptor');
    const api = axios.create({ responseType: 'stream' });
    attachSigV4(api, scope);
    for (let i = 0; i < 10; i++) {
      const response = await api.get(`${chain.url}/hop/0`);
      for await (const chunk of response.data as AsyncIterable<Buffer>) void chunk;
    }
    expect(chain.arrivals).toHaveLength(200);
    expect(chain.connections()).toBeLessThanOrEqual(5);
  });
});
