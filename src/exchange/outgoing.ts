import { readBody } from './body';
import { CONTENT_TYPE_HEADER, SIGNING_HEADERS } from '../constants';
import type { SigningHeaders } from '../types';

/** A request as an adapter found it, normalized to one shape for both clients. @internal */
export interface OutgoingDraft {
  readonly method: string;
  /** The wire URL (see `toWireUrl`). */
  readonly url: URL;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** Anything the client accepts as a body; read here into the bytes that will be sent. */
  readonly body: unknown;
}

/**
 * A draft whose body has been read into the bytes that will be sent, with the content type those
 * bytes need: it can be signed and sent again (a retry, a redirect) without reading anything.
 * @internal
 */
export interface PreparedRequest {
  readonly method: string;
  readonly url: URL;
  /** The headers that will be sent (and signed), signing headers aside. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: string | Uint8Array | undefined;
  /** Headers to set on top of the client's own: the content type the body dictates, if any. */
  readonly extraHeaders: Readonly<Record<string, string>>;
  /** Lower-case names to take out of the client's own headers before sending. */
  readonly removeHeaders: readonly string[];
}

/** What an adapter sends: this method, URL and body, its headers adjusted as said. @internal */
export interface WireRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string | Uint8Array | undefined;
  /** Set on top of the client's own headers (after `removeHeaders` are taken out). */
  readonly headers: Readonly<Record<string, string>>;
  /** Lower-case names to take out of the client's own headers. */
  readonly removeHeaders: readonly string[];
}

function withoutHeader<T>(
  headers: Readonly<Record<string, T>>,
  lowerName: string,
): Record<string, T> {
  const rest: Record<string, T> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== lowerName) rest[name] = value;
  }
  return rest;
}

const hasHeader = (headers: Readonly<Record<string, unknown>>, lowerName: string) =>
  Object.keys(headers).some((name) => name.toLowerCase() === lowerName);

/**
 * Reads the body into the bytes that will be sent and settles the content type those bytes need
 * (a multipart boundary, a form's charset), so that what is signed is exactly what is sent.
 * @internal
 */
export async function prepareOutgoing(draft: OutgoingDraft): Promise<PreparedRequest> {
  const { method, url } = draft;
  const read = await readBody(draft.body, { method, url: url.href });
  const setContentType =
    read.contentType !== undefined &&
    (read.contentTypeRequired || !hasHeader(draft.headers, CONTENT_TYPE_HEADER));
  return {
    method,
    url,
    body: read.body,
    headers: setContentType
      ? {
          ...withoutHeader(draft.headers, CONTENT_TYPE_HEADER),
          [CONTENT_TYPE_HEADER]: read.contentType!,
        }
      : draft.headers,
    extraHeaders: setContentType ? { [CONTENT_TYPE_HEADER]: read.contentType! } : {},
    removeHeaders: SIGNING_HEADERS,
  };
}

/** The request to send: the prepared one with these signing headers (none: sent unsigned). @internal */
export function toWire(prepared: PreparedRequest, signing?: SigningHeaders): WireRequest {
  return {
    method: prepared.method,
    url: prepared.url.href,
    body: prepared.body,
    headers: { ...prepared.extraHeaders, ...(signing as Record<string, string> | undefined) },
    removeHeaders: prepared.removeHeaders,
  };
}
