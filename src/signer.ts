import {
  AUTHORIZATION_HEADER,
  CLIENT_MANAGED_HEADERS,
  CONTENT_SHA256_HEADER,
  UNSIGNED_PAYLOAD,
} from './constants';
import { correctedNow } from './clock';
import type { DebugLog } from './debug';
import { credentialSource } from './credentialSource';
import { createEngine, type EngineRequest, type SigningEngine } from './engine';
import { assertNoUserinfo, assertSignableQuery, SigV4RequestError } from './errors';
import type { SigningRecord } from './diagnosis/types';
import { resolveOptions, type ResolvedOptions } from './options';
import { redactCanonicalRequest, redactUrl } from './redact';
import { isInScope, isListedHost, signingScopeFor, whyOutOfScope } from './scope';
import { signingRulesFor, type ServiceSigningRules } from './services';
import { sha256Hex, sha256HexNow } from './sha256';
import { headersToSign, signedHeaderList, signingHeadersOf } from './signingHeaders';
import { signingUrlFor } from './signingUrl';
import type {
  AwsCredentialIdentity,
  SignableRequest,
  Signer,
  SigningHeaders,
  SigV4Options,
} from './types';
import { decodedQuery, toWireUrl } from './wireUrl';
import { withoutSessionToken } from './withoutSessionToken';

const toSignableBody = (body: SignableRequest['body']) =>
  body instanceof ArrayBuffer ? new Uint8Array(body) : body;

/** A signature and what it was made with, for the recovery after a refusal. @internal */
export interface SignOutcome {
  readonly headers: SigningHeaders;
  /** A presigned request's query, signature parameters included. */
  readonly query?: Readonly<Record<string, string | string[]>>;
  readonly credentials: AwsCredentialIdentity;
  /** What was signed, redacted: for the debug log and a signature-mismatch diagnosis. */
  readonly record: () => SigningRecord;
}

/** Query-string authentication instead of headers. @internal */
export interface PresignSettings {
  /** Seconds the URL stays valid. */
  readonly expiresIn: number;
  /**
   * Leave the session token out of the signature and the query; the caller appends it (from the
   * outcome's `credentials`) after signing, as IoT Core requires.
   */
  readonly omitSessionToken?: boolean;
}

const UNSIGNABLE = new Set<string>(CLIENT_MANAGED_HEADERS);
/** For services that do not send the payload hash: it is handed to smithy, not signed. */
const UNSIGNABLE_WITH_HASH = new Set<string>([...CLIENT_MANAGED_HEADERS, CONTENT_SHA256_HEADER]);

async function presignWith(
  engine: SigningEngine,
  request: EngineRequest,
  settings: Record<string, unknown>,
  url: URL,
): Promise<EngineRequest> {
  if (!engine.presign) {
    throw new SigV4RequestError(
      'INVALID_REQUEST',
      'SigV4A signatures cannot be presigned here',
      'leave out `regionSet` to presign with SigV4, or sign the request with headers',
      { method: request.method, url },
    );
  }
  return engine.presign(request, settings);
}

/** Everything one signature depends on, worked out from the options and the request. */
interface SigningPlan {
  readonly method: string;
  /** The URL sent. */
  readonly url: URL;
  /** The URL signed: the one sent, or the `signingOrigin`'s. */
  readonly signingUrl: URL;
  readonly scope: { region: string; service: string; regionSet?: readonly string[] };
  readonly rules: ServiceSigningRules;
}

/** How one signature is made, beyond the request itself. @internal */
export interface SignSettings {
  /** Query-string authentication instead of headers. */
  readonly presign?: PresignSettings;
  /**
   * Sign for the request's own URL even with a `signingOrigin`: a redirect hop to another host
   * the user listed is not behind the proxy the signing origin stands for.
   */
  readonly ownUrl?: boolean;
}

function planFor(
  resolved: ResolvedOptions,
  request: SignableRequest,
  ownUrl: boolean | undefined,
): SigningPlan {
  const method = request.method.toUpperCase();
  const url = toWireUrl(request.url, method);
  assertNoUserinfo(url, method);
  assertSignableQuery(url, method);
  const signingUrl = ownUrl ? url : signingUrlFor(url, resolved.signingOrigin);
  const { region, service } = signingScopeFor(resolved, signingUrl, method);
  const regionSet = resolved.regionSet ?? (region === '*' ? ['*'] : undefined);
  const rules = signingRulesFor(service);
  return { method, url, signingUrl, scope: { region, service, regionSet }, rules };
}

/** The request in smithy's shape; the payload hash comes next ({@link payloadHashFor}). */
function engineRequest(
  { method, signingUrl, rules }: SigningPlan,
  request: SignableRequest,
): EngineRequest {
  return {
    method,
    protocol: signingUrl.protocol,
    hostname: signingUrl.hostname,
    port: signingUrl.port ? Number(signingUrl.port) : undefined,
    path: signingUrl.pathname,
    query: decodedQuery(signingUrl),
    headers: headersToSign(request.headers, signingUrl, rules),
    body: toSignableBody(request.body),
  };
}

/**
 * The payload hash to hand smithy as `x-amz-content-sha256` (left unsigned for services that do
 * not send it), computed with the runtime's native hash where there is one: a string is hashed
 * in place, not copied to bytes first, and at once. A presigned URL's body is not known when it
 * is signed: S3 takes UNSIGNED-PAYLOAD, carried in the query (smithy hoists the header there),
 * as the SDK's S3 presigner does. Undefined: smithy works it out (SigV4A), or the header is set.
 */
function payloadHashFor(
  { scope, rules }: SigningPlan,
  { headers, body }: EngineRequest,
  presign: boolean,
): string | Promise<string> | undefined {
  if (CONTENT_SHA256_HEADER in headers) return undefined;
  if (presign) return rules.sendsPayloadHash ? UNSIGNED_PAYLOAD : undefined;
  if (scope.regionSet) return undefined;
  const data = (body as string | Uint8Array | undefined) ?? '';
  return sha256HexNow(data) ?? sha256Hex(data);
}

/** The signing record, built only when someone reads it (a debug log, a refusal to explain). */
function lazyRecord(
  { method, signingUrl, scope }: SigningPlan,
  engine: SigningEngine,
  signed: EngineRequest,
  presigned: boolean,
): () => SigningRecord {
  const { canonicalRequest, stringToSign } = engine;
  let record: SigningRecord | undefined;
  return () =>
    (record ??= {
      method,
      url: redactUrl(signingUrl),
      region: scope.regionSet ? scope.regionSet.join(',') : scope.region,
      service: scope.service,
      canonicalRequest: redactCanonicalRequest(canonicalRequest),
      stringToSign,
      signedHeaders: presigned
        ? String(signed.query['X-Amz-SignedHeaders'] ?? '').split(';')
        : signedHeaderList(signed.headers[AUTHORIZATION_HEADER]),
    });
}

/** What the exchange needs of a signer beyond its public face. @internal */
export interface SignerInternals {
  sign(request: SignableRequest, settings?: SignSettings): Promise<SignOutcome>;
  /** The server refused these credentials: resolve afresh on the next signature. */
  forgetCredentials(used: AwsCredentialIdentity): void;
  /** The credentials the next signature of this request would use. */
  resolveCredentials(request: { method: string; url: URL }): Promise<AwsCredentialIdentity>;
  /** Whether the `hosts` option names this URL's host (a redirect hop may be signed for it). */
  listsHost(url: URL): boolean;
  /** Why requests to this URL (out of scope) are not signed. */
  whyUnsigned(url: URL): string;
  /** The `debug` option's log, if on. */
  readonly log?: DebugLog;
}

const internals = new WeakMap<Signer, SignerInternals>();

/** The internals of a signer made by {@link createSigner}. @internal */
export function signerInternals(signer: Signer): SignerInternals {
  const found = internals.get(signer);
  if (!found) throw new TypeError('not a signer made by createSigner()');
  return found;
}

/**
 * Creates the signer that the axios interceptor and the signed fetch share. Options are checked
 * here, once; credentials go through the process-wide cache.
 * @example
 * const signer = createSigner({ region: 'eu-west-1', service: 'execute-api' });
 * const headers = await signer.sign({ method: 'GET', url: 'https://api.example.com/prod/items' });
 */
export function createSigner(options?: SigV4Options): Signer {
  const resolved = resolveOptions(options);
  const credentials = credentialSource(resolved);
  const signDetailed = async (
    request: SignableRequest,
    { presign, ownUrl }: SignSettings = {},
  ): Promise<SignOutcome> => {
    const plan = planFor(resolved, request, ownUrl);
    // Warm credentials are at hand: no turn is waited for them, as for the engine once loaded.
    const identity = credentials.warm() ?? (await credentials.resolve(plan));
    const made = createEngine(
      plan.scope,
      presign?.omitSessionToken ? withoutSessionToken(identity) : identity,
      plan.rules,
      plan,
    );
    const engine = made instanceof Promise ? await made : made;
    const toSign = engineRequest(plan, request);
    const hash = payloadHashFor(plan, toSign, !!presign);
    if (hash !== undefined) {
      toSign.headers[CONTENT_SHA256_HEADER] = hash instanceof Promise ? await hash : hash;
    }
    const settings = {
      signingDate: correctedNow(),
      unsignableHeaders: plan.rules.sendsPayloadHash ? UNSIGNABLE : UNSIGNABLE_WITH_HASH,
    };
    const signed = presign
      ? await presignWith(engine, toSign, { ...settings, expiresIn: presign.expiresIn }, plan.url)
      : await engine.sign(toSign, settings);
    const record = lazyRecord(plan, engine, signed, !!presign);
    resolved.log?.(presign ? 'presigned' : 'signed', {
      ...record(),
      accessKeyId: identity.accessKeyId,
    });
    return {
      headers: presign ? ({} as SigningHeaders) : signingHeadersOf(signed.headers, plan.rules),
      query: presign ? signed.query : undefined,
      credentials: identity,
      record,
    };
  };
  const signer: Signer = {
    appliesTo: (url) => isInScope(resolved, toWireUrl(url)),
    sign: async (request) => (await signDetailed(request)).headers,
  };
  internals.set(signer, {
    sign: signDetailed,
    forgetCredentials: credentials.forget,
    resolveCredentials: credentials.resolve,
    listsHost: (url) => isListedHost(resolved, url),
    whyUnsigned: (url) => whyOutOfScope(resolved, url),
    log: resolved.log,
  });
  return signer;
}
