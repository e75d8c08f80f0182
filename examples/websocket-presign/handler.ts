/**
 * A Lambda function that talks to an API Gateway WebSocket API with IAM authorization: the
 * `$connect` URL is presigned with the execution role (query-string SigV4, the only way a
 * WebSocket client can carry a signature), one message is sent, and the first message received
 * is returned. Environment: WEBSOCKET_URL (the stage URL, e.g.
 * wss://abc123.execute-api.eu-west-1.amazonaws.com/prod); SIGNING_REGION and SIGNING_SERVICE
 * only when the host does not tell them (custom domain, local endpoint).
 */
import WebSocket from 'ws';
import { presign } from 'aws-sigv4-interceptor';

const { WEBSOCKET_URL, SIGNING_REGION, SIGNING_SERVICE } = process.env;
if (!WEBSOCKET_URL) {
  throw new Error('Set WEBSOCKET_URL, e.g. wss://abc123.execute-api.eu-west-1.amazonaws.com/prod');
}

/** How long the URL stays valid: long enough to connect, too short to be worth leaking. */
const URL_EXPIRES_IN_S = 60;
/** How long to wait for the first message after connecting. */
const REPLY_TIMEOUT_MS = 10_000;

/** The invocation payload: the route key (`$request.body.action`) and the data to send. */
export interface SendEvent {
  readonly action?: string;
  readonly data?: unknown;
}

/** Connects to `url`, sends `message` and resolves with the first message received. */
function exchange(url: string, message: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { handshakeTimeout: REPLY_TIMEOUT_MS });
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      settle();
    };
    const fail = (error: Error) => finish(() => reject(error));
    const timer = setTimeout(
      () => fail(new Error(`no message within ${REPLY_TIMEOUT_MS} ms`)),
      REPLY_TIMEOUT_MS,
    );
    socket.on('open', () => socket.send(message, (error) => error && fail(error)));
    socket.on('message', (data) => finish(() => resolve(parsed(data.toString()))));
    // $connect refused (IAM says no, expired URL, no such stage): a plain HTTP answer, no upgrade.
    socket.on('unexpected-response', (_request, response) =>
      fail(new Error(`$connect refused: HTTP ${response.statusCode} ${response.statusMessage}`)),
    );
    socket.on('close', (code) => fail(new Error(`closed before any message (code ${code})`)));
    socket.on('error', fail);
  });
}

/** JSON when the message is JSON, else the text. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const handler = async (event: SendEvent = {}): Promise<unknown> => {
  // Presigned per invocation (a URL is short-lived); the credentials come from the shared cache.
  const url = await presign(WEBSOCKET_URL, {
    expiresIn: URL_EXPIRES_IN_S,
    region: SIGNING_REGION,
    service: SIGNING_SERVICE,
  });
  return exchange(url, JSON.stringify({ action: event.action ?? 'sendmessage', data: event.data }));
};
