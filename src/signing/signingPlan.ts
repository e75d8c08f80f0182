import { CONTENT_SHA256_HEADER, UNSIGNED_PAYLOAD } from '../constants';
import type { EngineRequest } from './engine';
import { assertNoUserinfo, assertSignableQuery } from '../errors';
import type { SigningScope } from '../scope/infer';
import type { ResolvedOptions } from '../options/options';
import { s3CanonicalPath } from './s3Path';
import { signingScopeFor } from '../scope/scope';
import { signingRulesFor, type ServiceSigningRules } from './services';
import { sha256Hex, sha256HexNow } from './sha256';
import { headersToSign } from './signingHeaders';
import { signingUrlFor } from './signingUrl';
import type { SignableRequest } from '../types';
import { decodedQuery, toWireUrl } from './wireUrl';

/** Everything one signature depends on, worked out from the options and the request. @internal */
export interface SigningPlan {
  readonly method: string;
  /** The URL sent. */
  readonly url: URL;
  /** The URL signed: the one sent, or the `signingOrigin`'s. */
  readonly signingUrl: URL;
  readonly scope: SigningScope & { readonly regionSet?: readonly string[] };
  readonly rules: ServiceSigningRules;
}

/**
 * The scope, rules and signed URL of a request to `url`, before any credentials; `ownUrl` signs
 * for the URL itself even with a `signingOrigin` (a redirect hop to another listed host).
 * @internal
 */
export function planFor(
  resolved: ResolvedOptions,
  method: string,
  url: URL,
  ownUrl = false,
): SigningPlan {
  assertNoUserinfo(url, method);
  assertSignableQuery(url, method);
  const signingUrl = ownUrl ? url : signingUrlFor(url, resolved.signingOrigin);
  const { region, service } = signingScopeFor(resolved, signingUrl, method);
  const regionSet = resolved.regionSet ?? (region === '*' ? ['*'] : undefined);
  const rules = signingRulesFor(service);
  return { method, url, signingUrl, scope: { region, service, regionSet }, rules };
}

/**
 * The URL to send a request in scope to: as given, except that an S3 path is sent in the form
 * S3 canonicalizes it (see {@link s3CanonicalPath}), so what is sent is what is signed.
 * @internal
 */
export function urlToSend(resolved: ResolvedOptions, url: URL, method: string): URL {
  const path = s3CanonicalPath(url.pathname);
  if (path === url.pathname) return url; // the usual path: no plan worked out for nothing
  const { rules } = planFor(resolved, method, url);
  if (rules.uriEscapePath) return url;
  const sent = new URL(url.href);
  sent.pathname = path;
  return toWireUrl(sent);
}

/** Bytes as smithy and the hash take them: a Uint8Array over an ArrayBuffer or any view. */
const toSignableBody = (body: SignableRequest['body'] | ArrayBufferView | null) => {
  if (body === null || body === undefined || typeof body === 'string') return body ?? undefined;
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
};

/**
 * The request in smithy's shape. The payload hash is computed here with the runtime's native
 * hash (a string hashed in place, not copied to bytes first, and at once: no turn waited) and
 * handed to smithy as `x-amz-content-sha256`, left unsigned for services that do not send it. A
 * presigned URL's body, when given, is hashed by smithy's presign (a header would be hoisted
 * into the query); S3 takes UNSIGNED-PAYLOAD instead, carried in the query (smithy hoists the
 * header there), as the SDK's S3 presigner does. A promise only where no native hash is at hand.
 * @internal
 */
export function engineRequest(
  { method, signingUrl, scope, rules }: SigningPlan,
  request: SignableRequest,
  presign: boolean,
): EngineRequest | Promise<EngineRequest> {
  const headers = headersToSign(request.headers, signingUrl, rules);
  const body = toSignableBody(request.body);
  const built = {
    method,
    protocol: signingUrl.protocol,
    hostname: signingUrl.hostname,
    port: signingUrl.port ? Number(signingUrl.port) : undefined,
    path: rules.uriEscapePath ? signingUrl.pathname : s3CanonicalPath(signingUrl.pathname),
    query: decodedQuery(signingUrl),
    headers,
    body,
  };
  if (CONTENT_SHA256_HEADER in headers) return built;
  if (presign) {
    if (rules.sendsPayloadHash) headers[CONTENT_SHA256_HEADER] = UNSIGNED_PAYLOAD;
    return built;
  }
  if (scope.regionSet) return built;
  const hash = sha256HexNow(body ?? '');
  if (hash === undefined) {
    return sha256Hex(body ?? '').then((later) => {
      headers[CONTENT_SHA256_HEADER] = later;
      return built;
    });
  }
  headers[CONTENT_SHA256_HEADER] = hash;
  return built;
}
