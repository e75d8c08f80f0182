import type { WebSocketPeer, WebSocketSession } from './connection';

/**
 * Just enough MQTT (3.1.1 and 5) over WebSocket for a client to see its connection accepted, as
 * IoT Core's broker answers it: CONNECT gets CONNACK "accepted", PINGREQ gets PINGRESP, DISCONNECT
 * closes. Nothing is brokered. Packets may span WebSocket messages or share one (MQTT §6).
 * https://docs.oasis-open.org/mqtt/mqtt/v5.0/mqtt-v5.0.html §3.1, §3.2, §3.12, §3.14
 */

const CONNECT = 1;
const PINGREQ = 12;
const DISCONNECT = 14;
/** CONNACK: no session present, reason code 0; MQTT 5 adds an empty property length. */
const CONNACK_V311 = Uint8Array.from([0x20, 0x02, 0x00, 0x00]);
const CONNACK_V5 = Uint8Array.from([0x20, 0x03, 0x00, 0x00, 0x00]);
const PINGRESP = Uint8Array.from([0xd0, 0x00]);

/** The fixed header's packet length (Remaining Length, a variable byte integer), if complete. */
function packetLength(buffer: Buffer): number | undefined {
  let length = 0;
  for (let i = 1; i < Math.min(buffer.length, 5); i += 1) {
    length += (buffer[i] & 0x7f) * 128 ** (i - 1);
    if ((buffer[i] & 0x80) === 0) return i + 1 + length;
  }
  return undefined;
}

/** CONNECT's protocol level: after the fixed header, the 2-byte length and the name "MQTT". */
function protocolLevel(packet: Buffer): number {
  let at = 1;
  while (packet[at] & 0x80) at += 1;
  return packet[at + 1 + 2 + 4] ?? 4;
}

/** The session of one MQTT over WebSocket connection. @internal */
export function mqttSession(peer: WebSocketPeer): WebSocketSession {
  let pending = Buffer.alloc(0);
  return {
    onBinary(bytes) {
      pending = Buffer.concat([pending, bytes]);
      for (
        let size = packetLength(pending);
        size && pending.length >= size;
        size = packetLength(pending)
      ) {
        const packet = pending.subarray(0, size);
        pending = pending.subarray(size);
        const type = packet[0] >> 4;
        if (type === CONNECT)
          peer.sendBinary(protocolLevel(packet) === 5 ? CONNACK_V5 : CONNACK_V311);
        else if (type === PINGREQ) peer.sendBinary(PINGRESP);
        else if (type === DISCONNECT) peer.close();
      }
    },
  };
}
