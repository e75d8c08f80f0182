import { readBody } from './body';
import { CONTENT_TYPE_HEADER } from './constants';
import type { Signer, SigningHeaders } from './types';

/** A request as an adapter found it, normalized to one shape for both clients. @internal */
export interface OutgoingDraft {
  readonly method: string;
  /** The wire URL (see `toWireUrl`). */
  readonly url: URL;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** Anything the client accepts as a body; read here into the bytes that will be sent. */
  readonly body: unknown;
}

/** What the adapter must send: this URL, this body, and these headers set on top of its own. */
export interface SignedOutgoing {
  readonly url: string;
  readonly body: string | Uint8Array | undefined;
  /** The signing headers, plus `content-type` when the body dictates it (a multipart boundary). */
  readonly headers: Readonly<Record<string, string>>;
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
 * The step both adapters share: read the body into the bytes that will be sent, settle the
 * content type those bytes need, and sign exactly that. The adapters only translate their
 * client's request into an {@link OutgoingDraft} and apply the result.
 * @internal
 */
export async function signOutgoing(signer: Signer, draft: OutgoingDraft): Promise<SignedOutgoing> {
  const { method, url } = draft;
  const read = await readBody(draft.body, { method, url: url.href });
  const setContentType =
    read.contentType !== undefined &&
    (read.contentTypeRequired || !hasHeader(draft.headers, CONTENT_TYPE_HEADER));
  const headers = setContentType
    ? {
        ...withoutHeader(draft.headers, CONTENT_TYPE_HEADER),
        [CONTENT_TYPE_HEADER]: read.contentType!,
      }
    : draft.headers;
  const signing = await signer.sign({ method, url, headers, body: read.body });
  return {
    url: url.href,
    body: read.body,
    headers: {
      ...(signing as SigningHeaders & Record<string, string>),
      ...(setContentType && { [CONTENT_TYPE_HEADER]: read.contentType! }),
    },
  };
}
