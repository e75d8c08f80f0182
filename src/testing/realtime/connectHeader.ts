import { headerValues } from '../verifier/canonical/rawHeaders';
import { decodedQueryPairs, splitRawUrl } from '../verifier/canonical/rawUrl';
import type { RawRequest } from '../types';
import { CONNECT_BODY, HEADER_QUERY_PARAM, PAYLOAD_QUERY_PARAM, SUBPROTOCOLS } from './constants';

/** The subprotocols a client offered, in its order (`Sec-WebSocket-Protocol`, comma-separated). @internal */
export function offeredSubprotocols(raw: RawRequest): string[] {
  return headerValues(raw.rawHeaders, 'sec-websocket-protocol')
    .flatMap((value) => value.split(','))
    .map((protocol) => protocol.trim())
    .filter(Boolean);
}

/** JSON from base64 or base64url text; undefined when it is neither, or not JSON. */
function decodeJson(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * What a connection carries for AppSync to verify: the authorization from the `header` query
 * parameter (the GraphQL guide's form, standard base64) or from the `header-<base64url>`
 * subprotocol entry (Events, and Amplify's GraphQL client), and the body it was signed over, the
 * `payload` parameter when present (base64 of `{}`).
 * @internal
 */
export function connectionAuthorization(raw: RawRequest): { header: unknown; body: string } {
  const query = decodedQueryPairs(splitRawUrl(raw.rawUrl).rawQuery);
  const value = (name: string) => query.find(([key]) => key === name)?.[1];
  const fromQuery = value(HEADER_QUERY_PARAM);
  const entry = offeredSubprotocols(raw).find((p) => p.startsWith(SUBPROTOCOLS.header));
  const encoded = fromQuery ?? entry?.slice(SUBPROTOCOLS.header.length);
  const payload = value(PAYLOAD_QUERY_PARAM);
  return {
    header: encoded === undefined ? undefined : decodeJson(encoded),
    body: payload === undefined ? CONNECT_BODY : Buffer.from(payload, 'base64').toString('utf8'),
  };
}
