/**
 * The local endpoint speaks the three real-time protocols and verifies each handshake and each
 * message's authorization with its own verifier, through the platform WebSocket and through `ws`:
 * AppSync GraphQL (connection_ack, ka, start_ack, data, complete), AppSync Events (subscribe,
 * publish delivered back to the subscriber, HTTP publish) and IoT Core (the `mqtt` subprotocol,
 * CONNACK for CONNECT).
 */
import {
  afterSnapshotRestore,
  createAppSyncEventsSigner,
  createAppSyncRealtimeSigner,
  createSignedFetch,
  presignIotMqtt,
} from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';
import { CLIENTS, ofType, open } from './clients';

const REGION = 'eu-west-1';
const signing = { region: REGION, credentials: TEST_CREDENTIALS };
const QUERY = 'subscription OnCreateMessage { onCreateMessage { id text } }';

let endpoint: LocalIamEndpoint;
beforeEach(async () => {
  endpoint = await startLocalIamEndpoint({ region: REGION, appsync: true, iotMqtt: true });
});
afterEach(() => endpoint.close());

describe.each(CLIENTS)('through %s', (_, Client) => {
  test('AppSync GraphQL: connection_ack and ka, start_ack, data pushed, complete', async () => {
    const appsync = createAppSyncRealtimeSigner(`${endpoint.url}/graphql`, signing);
    const { url, protocols } = await appsync.connection();
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/graphql\/realtime\?header=/);
    const socket = await open(Client, url, protocols);
    expect(socket.protocol).toBe('graphql-ws');

    socket.send(JSON.stringify({ type: 'connection_init' }));
    const ack = await socket.next(ofType('connection_ack'));
    expect(ack).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
    await socket.next(ofType('ka'));
    socket.send(JSON.stringify(await appsync.start('s1', { query: QUERY })));
    await socket.next(ofType('start_ack', 's1'));

    const item = { id: '7', text: 'hello' };
    expect(endpoint.realtime.publishGraphql({ onCreateMessage: item })).toBe(1);
    expect(endpoint.realtime.publishGraphql({ onDeleteMessage: item })).toBe(0);
    const data = await socket.next(ofType('data', 's1'));
    expect(data.payload).toEqual({ data: { onCreateMessage: item } });
    socket.send(JSON.stringify({ type: 'stop', id: 's1' }));
    await socket.next(ofType('complete', 's1'));

    expect(endpoint.requests).toMatchObject([{ status: 101, result: { ok: true } }]);
    expect(endpoint.requests[0].result).toMatchObject({
      canonicalRequest: expect.stringMatching(/^POST\n\/graphql\/connect\n/),
    });
    expect(endpoint.realtime.messages).toMatchObject([
      { protocol: 'graphql', type: 'start', id: 's1', result: { ok: true } },
    ]);
    socket.close();
  });

  test('AppSync Events: subscribe_success, publish_success, the events delivered to the subscriber', async () => {
    const events = createAppSyncEventsSigner(`${endpoint.url}/event`, signing);
    const { url, protocols } = await events.connection();
    const socket = await open(Client, url, protocols);
    expect(socket.protocol).toBe('aws-appsync-event-ws');

    socket.send(JSON.stringify({ type: 'connection_init' }));
    expect(await socket.next(ofType('connection_ack'))).toMatchObject({
      connectionTimeoutMs: 300000,
    });
    socket.send(JSON.stringify(await events.subscribe('sub', '/default/*')));
    await socket.next(ofType('subscribe_success', 'sub'));
    socket.send(JSON.stringify(await events.publish('pub', '/default/orders', [{ id: 1 }, 'two'])));

    const published = await socket.next(ofType('publish_success', 'pub'));
    expect(published).toMatchObject({ failed: [], successful: [{ index: 0 }, { index: 1 }] });
    await socket.next((m) => m.type === 'data' && m.event === '"two"');
    expect(socket.messages.filter(ofType('data', 'sub')).map((m) => m.event)).toEqual([
      '{"id":1}',
      '"two"',
    ]);
    expect(endpoint.realtime.messages.map(({ type, result }) => [type, result.ok])).toEqual([
      ['subscribe', true],
      ['publish', true],
    ]);
    socket.close();
  });

  test('IoT Core: the presigned URL verified, the mqtt subprotocol selected, CONNACK for CONNECT', async () => {
    const url = await presignIotMqtt(`${endpoint.url.replace('http:', 'ws:')}/mqtt`, signing);
    const socket = await open(Client, url, ['mqtt']);
    expect(socket.protocol).toBe('mqtt');

    // MQTT 3.1.1 CONNECT: protocol "MQTT", level 4, clean session, keep-alive 60, client id "t".
    socket.send(Uint8Array.from([0x10, 13, 0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 2, 0, 60, 0, 1, 0x74]));
    expect((await socket.binaries(1)).map((bytes) => [...bytes])).toEqual([
      [0x20, 0x02, 0x00, 0x00],
    ]);
    expect(endpoint.requests).toMatchObject([{ status: 101, result: { ok: true } }]);
    socket.close();
  });
});

test('an HTTP publish (signed POST /event) reaches a WebSocket subscriber', async () => {
  const events = createAppSyncEventsSigner(`${endpoint.url}/event`, signing);
  const { url, protocols } = await events.connection();
  const socket = await open(CLIENTS[0][1], url, protocols);
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await socket.next(ofType('connection_ack'));
  socket.send(JSON.stringify(await events.subscribe('sub', '/default/orders')));
  await socket.next(ofType('subscribe_success', 'sub'));

  const signedFetch = createSignedFetch({ ...signing, service: 'appsync' });
  const response = await signedFetch(`${endpoint.url}/event`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: '/default/orders', events: ['{"id":2}'] }),
  });

  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ failed: [], successful: [{ index: 0 }] });
  expect((await socket.next(ofType('data', 'sub'))).event).toBe('{"id":2}');
  socket.close();
});

test('a clock correction learned by a signed request applies to the real-time signatures', async () => {
  const ahead = await startLocalIamEndpoint({
    region: REGION,
    service: 'appsync',
    appsync: true,
    iotMqtt: true,
    clockOffsetMs: 10 * 60 * 1000,
  });
  try {
    const appsync = createAppSyncRealtimeSigner(`${ahead.url}/graphql`, signing);
    const connect = async () => {
      const { url, protocols } = await appsync.connection();
      return open(CLIENTS[0][1], url, protocols);
    };
    await (await connect()).next(ofType('connection_error'));

    // One signed HTTP request: refused for skew, the offset learned from Date, sent again.
    const signedFetch = createSignedFetch({ ...signing, service: 'appsync' });
    expect((await signedFetch(`${ahead.url}/graphql`, { method: 'POST', body: '{}' })).status).toBe(
      200,
    );

    const corrected = await connect();
    corrected.send(JSON.stringify({ type: 'connection_init' }));
    await corrected.next(ofType('connection_ack'));
    const iot = await open(
      CLIENTS[0][1],
      await presignIotMqtt(`${ahead.url.replace('http:', 'ws:')}/mqtt`, signing),
      ['mqtt'],
    );
    expect(iot.protocol).toBe('mqtt');
    corrected.close();
    iot.close();
  } finally {
    afterSnapshotRestore(); // forgets the learned offset
    await ahead.close();
  }
});
