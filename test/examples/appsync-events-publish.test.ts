/**
 * examples/appsync-events-publish: the handler publishes over HTTP (a signed POST /event) to the
 * local endpoint's AppSync Events, and a subscriber connected over the platform WebSocket (its
 * handshake and subscribe signed with createAppSyncEventsSigner) receives the events.
 */
import { createAppSyncEventsSigner } from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { CLIENTS, ofType, open, type OpenSocket } from '../realtime/clients';
import { coldStart, lambdaEnvironment, localEndpointByTest, REGION } from './support';

type Example = typeof import('../../examples/appsync-events-publish/handler');

const { consoleErrors } = lambdaEnvironment();

let subscriber: OpenSocket | undefined;
afterEach(() => {
  subscriber?.close();
  subscriber = undefined;
});
const [api, startApi] = localEndpointByTest({ appsync: true });

/** A browser-like subscriber of `channel`, signed with its own keys. */
async function subscribe(channel: string): Promise<OpenSocket> {
  const events = createAppSyncEventsSigner(`${api.url}/event`, {
    region: REGION,
    credentials: TEST_CREDENTIALS,
  });
  const { url, protocols } = await events.connection();
  const socket = await open(CLIENTS[0][1], url, protocols);
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await socket.next(ofType('connection_ack'));
  socket.send(JSON.stringify(await events.subscribe('orders', channel)));
  await socket.next(ofType('subscribe_success', 'orders'));
  return socket;
}

const start = () =>
  coldStart<Example>('appsync-events-publish', {
    EVENTS_URL: `${api.url}/event`,
    CHANNEL: '/default/orders',
    SIGNING_REGION: REGION,
  });

test('the handler publishes over HTTP; a WebSocket subscriber receives each event', async () => {
  await startApi();
  subscriber = await subscribe('/default/*');
  const { handler } = await start();

  const result = await handler({ events: [{ id: 1, status: 'shipped' }, 'done'] });

  expect(result).toMatchObject({ failed: [], successful: [{ index: 0 }, { index: 1 }] });
  await subscriber.next((m) => m.type === 'data' && m.event === '"done"');
  expect(subscriber.messages.filter(ofType('data', 'orders')).map((m) => m.event)).toEqual([
    '{"id":1,"status":"shipped"}',
    '"done"',
  ]);
  const [publish] = api.requests.filter(({ raw }) => raw.method === 'POST');
  expect(publish).toMatchObject({ status: 200, result: { ok: true } });
  expect(publish.result.ok && publish.result.stringToSign).toContain(
    '/eu-west-1/appsync/aws4_request',
  );
});

test('a server clock 10 minutes ahead: refused once, corrected from Date, published', async () => {
  await startApi({ clockOffsetMs: 10 * 60 * 1000 });
  const { handler } = await start();

  await expect(handler({ events: [{ id: 2 }] })).resolves.toMatchObject({ failed: [] });
  expect(api.requests.map(({ status }) => status)).toEqual([403, 200]);
});

test('revoked credentials: the invocation fails, the diagnosis logged', async () => {
  await startApi({ revoked: [TEST_CREDENTIALS.accessKeyId] });
  const { handler } = await start();

  await expect(handler({ events: [{ id: 3 }] })).rejects.toThrow('Publish failed: HTTP 403');
  expect(consoleErrors()).toMatch(/^invalid-token \(HTTP 403\)/m);
});

test('a missing EVENTS_URL fails the cold start with a message naming the variable', async () => {
  await startApi();
  await expect(coldStart('appsync-events-publish', {})).rejects.toThrow(/Set EVENTS_URL/);
});
