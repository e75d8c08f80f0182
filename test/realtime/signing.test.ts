/**
 * The three real-time handshakes and the per-message authorizations, as AWS's guides shape them,
 * each signature checked by botocore over the request AWS rebuilds: the connection's POST of `{}`
 * to `/graphql/connect` (GraphQL) or `/event` (Events), a `start`'s POST of its `data` to
 * `/graphql`, a `subscribe`'s and `publish`'s POST of `{channel[, events]}` to `/event`, and the
 * IoT URL presigned without its session token (botocore's SigV4QueryAuth), the token after.
 */
import {
  createAppSyncEventsSigner,
  createAppSyncRealtimeSigner,
  presignIotMqtt,
  SigV4RequestError,
} from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { startBotocoreOracle, type BotocoreOracle } from '../support/botocoreOracle';
import { expectBotocoreAgrees, headerParameterOf, headerProtocolOf } from './support';

const REGION = 'eu-west-1';
const HOST = 'abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com';
const REALTIME_HOST = 'abcdefghijklmnopqrstuvwxyz.appsync-realtime-api.eu-west-1.amazonaws.com';
const options = { credentials: TEST_CREDENTIALS };

let botocore: BotocoreOracle | undefined;
beforeAll(async () => {
  botocore = await startBotocoreOracle();
});
afterAll(() => botocore?.close());

describe('AppSync GraphQL', () => {
  const appsync = createAppSyncRealtimeSigner(`https://${HOST}/graphql`, options);

  test('connection: the real-time URL with header and payload, graphql-ws, signed over POST {} to /graphql/connect', async () => {
    const { url, protocols } = await appsync.connection();

    expect(protocols).toEqual(['graphql-ws']);
    const parsed = new URL(url);
    expect(`${parsed.protocol}//${parsed.host}${parsed.pathname}`).toBe(
      `wss://${REALTIME_HOST}/graphql`,
    );
    expect([...parsed.searchParams.keys()]).toEqual(['header', 'payload']);
    expect(parsed.searchParams.get('payload')).toBe('e30=');
    const header = headerParameterOf(url);
    // The guide's IAM header: these names, this spelling, this order.
    expect(Object.keys(header)).toEqual([
      'accept',
      'content-encoding',
      'content-type',
      'host',
      'x-amz-date',
      'X-Amz-Security-Token',
      'Authorization',
    ]);
    expect(header).toMatchObject({
      accept: 'application/json, text/javascript',
      'content-encoding': 'amz-1.0',
      'content-type': 'application/json; charset=UTF-8',
      host: HOST,
      'X-Amz-Security-Token': TEST_CREDENTIALS.sessionToken,
    });
    expect(header.Authorization).toContain(
      'SignedHeaders=accept;content-encoding;content-type;host;x-amz-date;x-amz-security-token,',
    );
    await expectBotocoreAgrees(botocore, header, '/graphql/connect', '{}', REGION);
  });

  test('start: the subscription data as signed, its authorization over POST data to /graphql', async () => {
    const query =
      'subscription OnCreateMessage($room: ID!) { onCreateMessage(room: $room) { id } }';
    const message = await appsync.start('sub-1', { query, variables: { room: 'é 1' } });

    expect(message).toMatchObject({ id: 'sub-1', type: 'start' });
    expect(JSON.parse(message.payload.data)).toEqual({ query, variables: { room: 'é 1' } });
    const { authorization } = message.payload.extensions;
    expect(authorization.host).toBe(HOST);
    await expectBotocoreAgrees(botocore, authorization, '/graphql', message.payload.data, REGION);
  });

  test('a custom domain: wss://<domain>/graphql/realtime, header.host the domain, region required', async () => {
    const custom = createAppSyncRealtimeSigner('https://api.example.com/graphql', {
      ...options,
      region: REGION,
    });
    const { url } = await custom.connection();
    expect(url).toMatch(/^wss:\/\/api\.example\.com\/graphql\/realtime\?header=/);
    const header = headerParameterOf(url);
    expect(header.host).toBe('api.example.com');
    await expectBotocoreAgrees(botocore, header, '/graphql/connect', '{}', REGION);

    const unscoped = createAppSyncRealtimeSigner('https://api.example.com/graphql', options);
    await expect(unscoped.connection()).rejects.toMatchObject({
      name: 'SigV4RequestError',
      code: 'UNKNOWN_SIGNING_SCOPE',
      message: expect.stringContaining('pass `region`'),
    });
  });

  test('the real-time URL or another path given as the API URL is refused before signing', () => {
    for (const wrong of [`wss://${REALTIME_HOST}/graphql`, `https://${HOST}/event`, 'nonsense']) {
      expect(() => createAppSyncRealtimeSigner(wrong, options)).toThrow(SigV4RequestError);
    }
  });
});

describe('AppSync Events', () => {
  const events = createAppSyncEventsSigner(`https://${HOST}/event`, options);

  test('connection: /event/realtime, aws-appsync-event-ws then header-<base64url> signed over POST {} to /event', async () => {
    const { url, protocols } = await events.connection();

    expect(url).toBe(`wss://${REALTIME_HOST}/event/realtime`);
    expect(protocols[0]).toBe('aws-appsync-event-ws');
    expect(protocols).toHaveLength(2);
    const header = headerProtocolOf(protocols);
    expect(header.host).toBe(HOST);
    await expectBotocoreAgrees(botocore, header, '/event', '{}', REGION);
  });

  test('subscribe: authorization over {"channel"}; publish: over {"channel","events"}, events as JSON text', async () => {
    const subscribe = await events.subscribe('s1', '/default/orders/*');
    expect(subscribe).toMatchObject({ type: 'subscribe', id: 's1', channel: '/default/orders/*' });
    const subscribed = JSON.stringify({ channel: '/default/orders/*' });
    await expectBotocoreAgrees(botocore, subscribe.authorization, '/event', subscribed, REGION);

    const publish = await events.publish('p1', '/default/orders', [{ id: 1, item: 'café' }, 'x']);
    expect(publish.events).toEqual(['{"id":1,"item":"café"}', '"x"']);
    const published = JSON.stringify({ channel: '/default/orders', events: publish.events });
    await expectBotocoreAgrees(botocore, publish.authorization, '/event', published, REGION);
  });

  test('a publish of 0 or 6 events, or a missing channel, fails before signing with the fix', async () => {
    const none = events.publish('p', '/default/a', []);
    await expect(none).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    const six = events.publish('p', '/default/a', [1, 2, 3, 4, 5, 6]);
    await expect(six).rejects.toThrow(/pass 1 to 5 events/);
    await expect(events.subscribe('s', '')).rejects.toThrow(/channel path such as/);
  });
});

describe('IoT Core MQTT over WSS', () => {
  const ENDPOINT = 'a1b2c3d4e5f6g7-ats.iot.eu-west-1.amazonaws.com';

  test('the wss /mqtt URL presigned for iotdevicegateway, the session token appended after the signature', async () => {
    const url = await presignIotMqtt(ENDPOINT, { ...options, expiresIn: 300 });

    const tokenPart = `&X-Amz-Security-Token=${encodeURIComponent(TEST_CREDENTIALS.sessionToken)}`;
    expect(url.endsWith(tokenPart)).toBe(true);
    const unsigned = url.slice(0, -tokenPart.length);
    expect(unsigned).toMatch(new RegExp(`^wss://${ENDPOINT}/mqtt\\?X-Amz-Algorithm=`));
    const query = new URL(unsigned).searchParams;
    expect(query.get('X-Amz-Credential')).toMatch(/\/eu-west-1\/iotdevicegateway\/aws4_request$/);
    expect(query.get('X-Amz-SignedHeaders')).toBe('host');
    expect(query.has('X-Amz-Security-Token')).toBe(false); // not signed: only after
    if (!botocore) return;
    const expected = await botocore.presign({
      method: 'GET',
      url: `wss://${ENDPOINT}/mqtt`,
      amzDate: query.get('X-Amz-Date')!,
      region: REGION,
      service: 'iotdevicegateway',
      expires: 300,
      accessKeyId: TEST_CREDENTIALS.accessKeyId,
      secretAccessKey: TEST_CREDENTIALS.secretAccessKey, // no token: IoT does not sign it
    });
    expect(query.get('X-Amz-Signature')).toBe(expected.signature);
    expect(new URL(unsigned).searchParams.toString()).toBe(
      new URL(expected.url).searchParams.toString(),
    );
  });

  test('keys without a session token: nothing appended; a custom domain needs the region', async () => {
    const { accessKeyId, secretAccessKey } = TEST_CREDENTIALS;
    const url = await presignIotMqtt(`wss://${ENDPOINT}`, {
      credentials: { accessKeyId, secretAccessKey },
    });
    expect(url).not.toContain('Security-Token');
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('900');
    await expect(presignIotMqtt('mqtt.example.com', options)).rejects.toMatchObject({
      code: 'UNKNOWN_SIGNING_SCOPE',
    });
    const custom = await presignIotMqtt('mqtt.example.com', { ...options, region: REGION });
    expect(custom).toMatch(/^wss:\/\/mqtt\.example\.com\/mqtt\?/);
  });
});

test('one credential resolution serves the connection and every message', async () => {
  const provider = jest.fn(async () => TEST_CREDENTIALS);
  const appsync = createAppSyncRealtimeSigner(`https://${HOST}/graphql`, { credentials: provider });
  await appsync.connection();
  await appsync.start('1', { query: 'subscription S { s }' });
  await appsync.start('2', { query: 'subscription S { s }' });
  expect(provider).toHaveBeenCalledTimes(1);
});

test('no error names a secret', async () => {
  const custom = createAppSyncEventsSigner('https://api.example.com/event', options);
  const error = await custom.connection().catch((caught: Error) => caught);
  expect(String((error as Error).message)).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  expect(String((error as Error).message)).not.toContain(TEST_CREDENTIALS.sessionToken);
});
