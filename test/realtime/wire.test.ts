/**
 * The endpoint's side of the wire, with raw bytes where the clients would not produce them: a
 * text message in fragments with a ping between them (RFC 6455 §5.4, §5.5.2), a message over
 * 64 KiB (the 64-bit length form), and MQTT packets sharing one WebSocket message or split over
 * two (MQTT 5 CONNECT gets its longer CONNACK; PINGREQ gets PINGRESP).
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { createAppSyncRealtimeSigner, presignIotMqtt } from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
} from 'aws-sigv4-interceptor/testing';
import { CLIENTS, ofType, open } from './clients';

const signing = { region: 'eu-west-1', credentials: TEST_CREDENTIALS };

let endpoint: LocalIamEndpoint;
beforeEach(async () => {
  endpoint = await startLocalIamEndpoint({ region: 'eu-west-1', appsync: true, iotMqtt: true });
});
afterEach(() => endpoint.close());

/** One masked client frame. */
function clientFrame(opcode: number, payload: Buffer, fin = true): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]));
  return Buffer.concat([
    Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | payload.length]),
    mask,
    masked,
  ]);
}

/** Opens a raw connection through the handshake; resolves with the socket and what follows it. */
async function rawUpgrade(pathAndQuery: string, protocol: string) {
  const socket = net.connect(endpoint.port, '127.0.0.1');
  let received = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
  socket.write(
    [
      `GET ${pathAndQuery} HTTP/1.1`,
      `Host: 127.0.0.1:${endpoint.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      `Sec-WebSocket-Protocol: ${protocol}`,
      '',
      '',
    ].join('\r\n'),
  );
  const after = async (predicate: (bytes: Buffer) => boolean) => {
    for (let i = 0; i < 100 && !predicate(received); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return received;
  };
  await after((bytes) => bytes.includes('\r\n\r\n'));
  expect(received.toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
  return { socket, after };
}

test('a fragmented message with a ping between its fragments: pong, then the whole message answered', async () => {
  const { url } = await createAppSyncRealtimeSigner(
    `${endpoint.url}/graphql`,
    signing,
  ).connection();
  const { socket, after } = await rawUpgrade(
    new URL(url).pathname + new URL(url).search,
    'graphql-ws',
  );
  const init = Buffer.from(JSON.stringify({ type: 'connection_init' }));
  socket.write(clientFrame(0x1, init.subarray(0, 5), false));
  socket.write(clientFrame(0x9, Buffer.from('hi')));
  socket.write(clientFrame(0x0, init.subarray(5)));

  const bytes = await after((b) => b.includes('connection_ack'));
  const body = bytes.subarray(bytes.indexOf('\r\n\r\n') + 4);
  expect([...body.subarray(0, 4)]).toEqual([0x8a, 2, 0x68, 0x69]); // pong "hi", unmasked
  expect(body.toString('latin1')).toContain('{"type":"connection_ack"');
  socket.destroy();
});

test('a start over 64 KiB (the 64-bit length form) is read whole and verified', async () => {
  const appsync = createAppSyncRealtimeSigner(`${endpoint.url}/graphql`, signing);
  const { url, protocols } = await appsync.connection();
  const socket = await open(CLIENTS[1][1], url, protocols);
  const query = `subscription S { onCreateMessage { id } } # ${'x'.repeat(70_000)}`;
  socket.send(JSON.stringify(await appsync.start('big', { query })));
  await socket.next(ofType('start_ack', 'big'));
  socket.close();
});

test('MQTT 5 CONNECT and PINGREQ in one message, then a CONNECT split over two', async () => {
  const url = await presignIotMqtt(`${endpoint.url.replace('http:', 'ws:')}/mqtt`, signing);
  const socket = await open(CLIENTS[0][1], url, ['mqtt']);
  // MQTT 5 CONNECT: "MQTT", level 5, clean start, keep-alive 60, no properties, client id "t".
  const connect5 = [0x10, 14, 0, 4, 0x4d, 0x51, 0x54, 0x54, 5, 2, 0, 60, 0, 0, 1, 0x74];
  socket.send(Uint8Array.from([...connect5, 0xc0, 0x00]));
  expect((await socket.binaries(2)).map((bytes) => [...bytes])).toEqual([
    [0x20, 0x03, 0x00, 0x00, 0x00],
    [0xd0, 0x00],
  ]);

  const connect4 = [0x10, 13, 0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 2, 0, 60, 0, 1, 0x74];
  socket.send(Uint8Array.from(connect4.slice(0, 6)));
  socket.send(Uint8Array.from(connect4.slice(6)));
  expect([...(await socket.binaries(3))[2]]).toEqual([0x20, 0x02, 0x00, 0x00]);
  socket.close();
});
