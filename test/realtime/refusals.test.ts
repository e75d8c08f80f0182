/**
 * Tampered, expired and wrongly scoped handshakes and messages, refused by the local endpoint as
 * AppSync and IoT Core refuse them (AppSync in-band: `connection_error`, `error`,
 * `subscribe_error`, `publish_error` with BadRequestException and SigV4's message, or
 * UnauthorizedException for credentials it does not accept; IoT Core: HTTP 403 on the upgrade),
 * and `diagnose` explaining each refusal.
 */
import WsWebSocket from 'ws';
import {
  createAppSyncEventsSigner,
  createAppSyncRealtimeSigner,
  diagnose,
  presign,
  presignIotMqtt,
} from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
} from 'aws-sigv4-interceptor/testing';
import { CLIENTS, ofType, open, type WebSocketClass } from './clients';

const REGION = 'eu-west-1';
const signing = { region: REGION, credentials: TEST_CREDENTIALS };
const QUERY = 'subscription OnCreateMessage { onCreateMessage { id } }';
const TEN_MINUTES = 10 * 60 * 1000;

let endpoint: LocalIamEndpoint;
const start = async (options: LocalIamEndpointOptions = {}) => {
  endpoint = await startLocalIamEndpoint({
    region: REGION,
    appsync: true,
    iotMqtt: true,
    ...options,
  });
};
afterEach(() => endpoint?.close());

/** A different last hex digit: the signature no longer matches. */
const tamper = (authorization: string) =>
  authorization.replace(/([0-9a-f])$/, (digit) => (digit === '0' ? '1' : '0'));

/** The GraphQL connection URL with its header's signature altered. */
function tamperedHeaderUrl(url: string): string {
  const parsed = new URL(url);
  const header = JSON.parse(Buffer.from(parsed.searchParams.get('header')!, 'base64').toString());
  header.Authorization = tamper(header.Authorization);
  parsed.searchParams.set('header', Buffer.from(JSON.stringify(header)).toString('base64'));
  return parsed.href;
}

async function graphqlRefusal(Client: WebSocketClass, url: string, protocols: string[]) {
  const socket = await open(Client, url, protocols);
  const refusal = await socket.next(ofType('connection_error'));
  expect(await socket.closed).toBe(1000);
  return refusal as { payload: { errors: Array<Record<string, unknown>> } };
}

describe.each(CLIENTS)('AppSync GraphQL connections through %s', (_, Client) => {
  const connection = (options = signing) =>
    createAppSyncRealtimeSigner(`${endpoint.url}/graphql`, options).connection();

  test('a tampered header: BadRequestException with the server canonical request; diagnosed', async () => {
    await start();
    const { url, protocols } = await connection();
    const refusal = await graphqlRefusal(Client, tamperedHeaderUrl(url), protocols);
    const [error] = refusal.payload.errors;
    expect(error).toMatchObject({ errorType: 'BadRequestException', errorCode: 400 });
    expect(error.message).toMatch(/^The request signature we calculated does not match/);
    expect(error.message).toContain("'POST\n/graphql/connect\n");
    expect(await diagnose(refusal)).toMatchObject({ kind: 'signature-mismatch', status: 400 });
  });

  test('signed 10 minutes before the server clock: Signature expired; diagnosed as clock skew', async () => {
    await start({ clockOffsetMs: TEN_MINUTES });
    const { url, protocols } = await connection();
    const [error] = (await graphqlRefusal(Client, url, protocols)).payload.errors;
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    const diagnosis = await diagnose(
      JSON.stringify({ type: 'connection_error', payload: { errors: [error] } }),
    );
    expect(diagnosis).toMatchObject({ kind: 'clock-skew', skewMinutes: -10 });
  });

  test('scoped to another region: the region named; diagnosed as wrong scope', async () => {
    await start();
    const { url, protocols } = await connection({ ...signing, region: 'us-west-2' });
    const refusal = await graphqlRefusal(Client, url, protocols);
    expect(refusal.payload.errors[0].message).toBe(
      "Credential should be scoped to a valid region, not 'us-west-2'. ",
    );
    expect(await diagnose(refusal)).toMatchObject({ kind: 'wrong-scope' });
  });

  test('revoked credentials: UnauthorizedException, 401, as AppSync words it', async () => {
    await start({ revoked: [TEST_CREDENTIALS.accessKeyId] });
    const { url, protocols } = await connection();
    const refusal = await graphqlRefusal(Client, url, protocols);
    expect(refusal.payload.errors).toEqual([
      {
        errorType: 'UnauthorizedException',
        message: 'You are not authorized to make this call.',
        errorCode: 401,
      },
    ]);
    expect(await diagnose(refusal)).toMatchObject({ kind: 'invalid-token', status: 401 });
  });

  test('signed for another API host: refused as a mismatch naming the host expected', async () => {
    await start({ appsync: { apiHost: 'abc.appsync-api.eu-west-1.amazonaws.com' } });
    const { url, protocols } = await connection();
    const [error] = (await graphqlRefusal(Client, url, protocols)).payload.errors;
    expect(error.message).toContain('\nhost:abc.appsync-api.eu-west-1.amazonaws.com\n');
  });
});

describe.each(CLIENTS)('per-message authorizations through %s', (_, Client) => {
  test('a start whose data changed after signing: error, and no start_ack', async () => {
    await start();
    const appsync = createAppSyncRealtimeSigner(`${endpoint.url}/graphql`, signing);
    const { url, protocols } = await appsync.connection();
    const socket = await open(Client, url, protocols);
    const message = await appsync.start('s1', { query: QUERY });
    const changed = {
      ...message,
      payload: { ...message.payload, data: message.payload.data.replace('id', 'ID') },
    };
    socket.send(JSON.stringify(changed));

    const error = await socket.next(ofType('error', 's1'));
    expect(error).toMatchObject({ payload: { errors: [{ errorType: 'BadRequestException' }] } });
    expect(await diagnose(error)).toMatchObject({ kind: 'signature-mismatch' });
    expect(socket.messages.filter(ofType('start_ack'))).toEqual([]);
    expect(endpoint.realtime.messages).toMatchObject([{ type: 'start', result: { ok: false } }]);
    socket.close();
  });

  test('Events: a subscribe for another channel, a publish with other events, both refused', async () => {
    await start();
    const events = createAppSyncEventsSigner(`${endpoint.url}/event`, signing);
    const { url, protocols } = await events.connection();
    const socket = await open(Client, url, protocols);
    socket.send(
      JSON.stringify({ ...(await events.subscribe('s', '/default/a')), channel: '/default/b' }),
    );
    const publish = await events.publish('p', '/default/a', [1]);
    socket.send(JSON.stringify({ ...publish, events: ['2'] }));

    const subscribeError = await socket.next(ofType('subscribe_error', 's'));
    const publishError = await socket.next(ofType('publish_error', 'p'));
    for (const refusal of [subscribeError, publishError]) {
      expect(refusal).toMatchObject({ errors: [{ errorType: 'BadRequestException' }] });
      expect(await diagnose(refusal)).toMatchObject({ kind: 'signature-mismatch' });
    }
    socket.close();
  });

  test('Events without any subprotocol: connection_error SubProtocolNotSupportedError', async () => {
    await start();
    const events = createAppSyncEventsSigner(`${endpoint.url}/event`, signing);
    const { url } = await events.connection();
    const socket = await open(Client, url);
    const refusal = await socket.next(ofType('connection_error'));
    expect(refusal).toMatchObject({ errors: [{ errorType: 'SubProtocolNotSupportedError' }] });
  });
});

/** The upgrade's refusal as `ws` reports it: status, headers, body. */
function refusedUpgrade(url: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; data: string }>(
    (resolve, reject) => {
      const socket = new WsWebSocket(url, ['mqtt']);
      socket.on('open', () => reject(new Error('accepted')));
      socket.on('unexpected-response', (request, response) => {
        let data = '';
        response.on('data', (chunk: Buffer) => (data += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, data }),
        );
      });
      socket.on('error', () => undefined);
    },
  );
}

describe('IoT Core upgrades', () => {
  const mqtt = () => `${endpoint.url.replace('http:', 'ws:')}/mqtt`;

  test.each([
    [
      'tampered',
      {},
      (url: string) =>
        url.replace(
          /(X-Amz-Signature=[0-9a-f]*)([0-9a-f])/,
          (_, a, d) => `${a}${d === '0' ? '1' : '0'}`,
        ),
      'signature-mismatch',
      /^The request signature we calculated/,
    ],
    [
      'expired',
      { clockOffsetMs: TEN_MINUTES },
      (url: string) => url,
      'clock-skew',
      /^Signature expired: .* \(.* - 1 min\.\)$/,
    ],
  ])(
    '%s: 403 ForbiddenException with the message; diagnosed',
    async (_, options, alter, kind, message) => {
      await start(options);
      const url = alter(await presignIotMqtt(mqtt(), { ...signing, expiresIn: 60 }));
      const refused = await refusedUpgrade(url);
      expect(refused.status).toBe(403);
      expect(refused.headers['x-amzn-errortype']).toBe('ForbiddenException:');
      expect(JSON.parse(refused.data).message).toMatch(message);
      expect(await diagnose(refused)).toMatchObject({ kind });
      expect(refused.data).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    },
  );

  test('a URL whose session token was signed (a plain presign) is refused: IoT Core does not sign it', async () => {
    await start();
    const signedToken = await presign(mqtt(), { ...signing, service: 'iotdevicegateway' });
    const refused = await refusedUpgrade(signedToken);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.data).message).toMatch(/^The request signature we calculated/);
  });

  test('scoped to another region: refused; the platform WebSocket sees a failed open', async () => {
    await start();
    const url = await presignIotMqtt(mqtt(), { ...signing, region: 'us-west-2' });
    const refused = await refusedUpgrade(url);
    expect(await diagnose(refused)).toMatchObject({ kind: 'wrong-scope' });
    await expect(open(CLIENTS[0][1], url, ['mqtt'])).rejects.toThrow('failed to open');
    expect(endpoint.requests.map(({ status }) => status)).toEqual([403, 403]);
  });
});
