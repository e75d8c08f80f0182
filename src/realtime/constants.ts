/**
 * The wire names of the real-time protocols, written once.
 * - AppSync GraphQL: https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
 * - AppSync Events: https://docs.aws.amazon.com/appsync/latest/eventapi/event-api-websocket-protocol.html
 * - IoT Core: https://docs.aws.amazon.com/iot/latest/developerguide/protocols.html#mqtt-ws
 * @internal
 */

/** The signing name of AppSync (GraphQL and Events alike). */
export const APPSYNC_SERVICE = 'appsync';
/** The signing name of IoT Core's data plane over WebSocket (not `iot`, not `iotdata`). */
export const IOT_DEVICE_GATEWAY_SERVICE = 'iotdevicegateway';

/**
 * The headers AppSync signs with IAM over WebSocket, besides host and the signing headers. Their
 * values are fixed: AppSync rebuilds the request it verifies with these same values.
 */
export const APPSYNC_SIGNED_HEADERS = {
  accept: 'application/json, text/javascript',
  'content-encoding': 'amz-1.0',
  'content-type': 'application/json; charset=UTF-8',
} as const;

/** The WebSocket subprotocol of AppSync GraphQL subscriptions. */
export const GRAPHQL_WS_PROTOCOL = 'graphql-ws';
/** The WebSocket subprotocol of AppSync Events. */
export const EVENTS_WS_PROTOCOL = 'aws-appsync-event-ws';
/** The prefix of the subprotocol entry that carries the base64url authorization (Events). */
export const HEADER_PROTOCOL_PREFIX = 'header-';

/** The body a connection is signed over: an empty JSON object. */
export const CONNECT_BODY = '{}';
/** AppSync GraphQL signs the connection as a POST to the API's path plus this. */
export const GRAPHQL_CONNECT_SUFFIX = '/connect';
/** AppSync's real-time path on a custom domain (GraphQL), and always for Events. */
export const REALTIME_SUFFIX = '/realtime';
/** IoT Core's MQTT over WebSocket path. */
export const MQTT_PATH = '/mqtt';
/** The query parameter IoT Core reads the session token from, appended after the signature. */
export const SECURITY_TOKEN_QUERY_PARAM = 'X-Amz-Security-Token';
/** AppSync Events accepts at most this many events in one publish. */
export const MAX_EVENTS_PER_PUBLISH = 5;
