/**
 * The wire names and answers of the real-time protocols the endpoint serves, written once. Kept
 * apart from the signing side's constants on purpose: the endpoint is the client's oracle.
 * - AppSync GraphQL: https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
 * - AppSync Events: https://docs.aws.amazon.com/appsync/latest/eventapi/event-api-websocket-protocol.html
 * - IoT Core: https://docs.aws.amazon.com/iot/latest/developerguide/protocols.html
 * @internal
 */

export const APPSYNC_SERVICE = 'appsync';
export const IOT_SERVICE = 'iotdevicegateway';

/** Upgrade paths: GraphQL on AppSync's real-time host (`/graphql`) or a custom domain. */
export const GRAPHQL_REALTIME_PATHS: readonly string[] = ['/graphql/realtime', '/graphql'];
export const EVENTS_REALTIME_PATH = '/event/realtime';
export const MQTT_PATH = '/mqtt';

/** The requests AppSync rebuilds and verifies: the connection, and each message. */
export const GRAPHQL_CONNECT_PATH = '/graphql/connect';
export const GRAPHQL_PATH = '/graphql';
export const EVENTS_PATH = '/event';
export const CONNECT_BODY = '{}';

export const SUBPROTOCOLS = {
  graphql: 'graphql-ws',
  events: 'aws-appsync-event-ws',
  mqtt: 'mqtt',
  /** The prefix of the entry carrying the base64url authorization. */
  header: 'header-',
} as const;

/** The query parameters of a GraphQL connection URL. */
export const HEADER_QUERY_PARAM = 'header';
export const PAYLOAD_QUERY_PARAM = 'payload';
/** IoT Core reads it from the query, appended after (and not covered by) the signature. */
export const SECURITY_TOKEN_QUERY_PARAM = 'X-Amz-Security-Token';

/**
 * AppSync's refusals. A credential it does not accept (unknown key, session token missing,
 * revoked or expired) gets the generic UnauthorizedException seen by AppSync clients
 * (aws-amplify/amplify-flutter#2763: "You are not authorized to make this call.", 401). A
 * signature it cannot verify gets BadRequestException with SigV4's own message, canonical request
 * included (aws-amplify/amplify-js#14001 for a connection, awslabs/aws-mobile-appsync-sdk-js#619
 * for a `start`).
 */
export const APPSYNC_ERRORS = {
  unauthorized: {
    errorType: 'UnauthorizedException',
    message: 'You are not authorized to make this call.',
    errorCode: 401,
  },
  badRequest: { errorType: 'BadRequestException', errorCode: 400 },
  /** The errorType AppSync Events answers a connection without its subprotocol with. */
  subprotocol: { errorType: 'SubProtocolNotSupportedError', errorCode: 400 },
} as const;

/** IoT Core refuses an upgrade with 403 and this `x-amzn-ErrorType` (trailing colon as sent). */
export const IOT_FORBIDDEN_ERROR_TYPE = 'ForbiddenException:';

/** What AppSync tells clients to expect between keep-alives, and our default period. */
export const CONNECTION_TIMEOUT_MS = 300_000;
export const DEFAULT_KEEP_ALIVE_MS = 60_000;
/** AppSync Events' limit of events per publish. */
export const MAX_EVENTS_PER_PUBLISH = 5;
