/**
 * A live page subscribed to an AppSync GraphQL subscription with IAM authorization: credentials
 * from a Cognito identity pool (as the admin page in examples/browser), the WebSocket handshake
 * and the `start` message signed by `createAppSyncRealtimeSigner`, the browser's own WebSocket.
 * Each `onCreateMessage` event is added to the page; a refusal is shown with its diagnosis.
 */
import {
  createAppSyncRealtimeSigner,
  diagnose,
  formatDiagnosis,
  type AppSyncRealtimeSigner,
} from 'aws-sigv4-interceptor';
import { readConfig } from '../browser/config';
import { poolCredentials } from '../browser/credentials';

const ON_CREATE_MESSAGE = /* GraphQL */ `
  subscription OnCreateMessage {
    onCreateMessage {
      id
      text
    }
  }
`;

const show = (id: string, text: string) => (document.getElementById(id)!.textContent = text);
const setState = (state: string) => (document.body.dataset.state = state);

function addEvent(message: { id: string; text: string }): void {
  const item = document.createElement('li');
  item.textContent = `#${message.id}: ${message.text}`;
  document.getElementById('events')!.append(item);
}

/** What each server message means for the page (AppSync's real-time protocol). */
async function onMessage(socket: WebSocket, appsync: AppSyncRealtimeSigner, text: string) {
  const message = JSON.parse(text);
  if (message.type === 'connection_ack') {
    // One subscription per connection here; its id only has to be unique on the connection.
    const start = await appsync.start('on-create-message', { query: ON_CREATE_MESSAGE });
    socket.send(JSON.stringify(start));
  } else if (message.type === 'start_ack') {
    show('status', 'Subscribed: new messages appear below.');
    setState('subscribed');
  } else if (message.type === 'data') {
    addEvent(message.payload.data.onCreateMessage);
  } else if (message.type !== 'ka') {
    const diagnosis = await diagnose(text);
    show('status', diagnosis ? formatDiagnosis(diagnosis) : `AppSync answered: ${text}`);
    setState('refused');
  }
}

async function main(): Promise<void> {
  const config = readConfig(window.location);
  const credentials = poolCredentials(config, (identityId) => show('identity', identityId));
  // `apiUrl` is the GraphQL endpoint, e.g. https://<id>.appsync-api.<region>.amazonaws.com/graphql
  const appsync = createAppSyncRealtimeSigner(config.apiUrl, {
    credentials,
    region: config.signingRegion, // only for a custom domain or a local server
  });
  // Signed now: connect within 5 minutes; sign again for every reconnection.
  const { url, protocols } = await appsync.connection();
  const socket = new WebSocket(url, protocols);
  socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
  socket.onmessage = ({ data }) => void onMessage(socket, appsync, String(data));
  socket.onclose = ({ code }) => show('status', `Connection closed (${code}).`);
}

main().catch((error: unknown) => {
  show('status', String(error));
  setState('failed');
});
