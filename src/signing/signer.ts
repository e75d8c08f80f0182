import { AUTHORIZATION_HEADER, CLIENT_MANAGED_HEADERS, CONTENT_SHA256_HEADER } from '../constants';
import { correctedNow } from '../exchange/clock';
import type { DebugLog } from '../options/debug';
import { credentialSource } from '../credentials/credentialSource';
import { createEngine, type EngineRequest, type SigningEngine } from './engine';
import type { SigningRecord } from '../diagnosis/types';
import { checkOptionNames } from '../options/checkOptionNames';
import { SIGNER_ENTRY } from '../options/optionNames';
import { resolveOptions } from '../options/options';
import { presignV4a } from './presignV4a';
import { redactCanonicalRequest, redactUrl } from '../redact';
import { isInScope, isListedHost, whyOutOfScope } from '../scope/scope';
import { assertSignableRequest } from './signableRequest';
import { signingHeadersOf, signedHeaderList } from './signingHeaders';
import { engineRequest, planFor, urlToSend, type SigningPlan } from './signingPlan';
import type {
  AwsCredentialIdentity,
  SignableRequest,
  Signer,
  SigningHeaders,
  SigV4Options,
} from '../types';
import { toWireUrl } from './wireUrl';
import { withoutSessionToken } from './withoutSessionToken';

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

const UNSIGNABLE = new Set<string>(CLIENT_MANAGED_HEADERS);
/** For services that do not send the payload hash: it is handed to smithy, not signed. */
const UNSIGNABLE_WITH_HASH = new Set<string>([...CLIENT_MANAGED_HEADERS, CONTENT_SHA256_HEADER]);

/** Signs with query-string auth: smithy's SigV4 presign, or SigV4A's query form. */
function presignWith(
  engine: SigningEngine,
  request: EngineRequest,
  settings: { signingDate: Date; unsignableHeaders: Set<string>; expiresIn: number },
  plan: SigningPlan & { readonly identity: AwsCredentialIdentity },
): Promise<EngineRequest> {
  const { regionSet, service } = plan.scope;
  if (!regionSet) return engine.presign!(request, settings);
  return presignV4a(engine, request, {
    ...settings,
    service,
    regionSet,
    credentials: plan.identity,
  });
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
  /** The URL to send a request in scope to (an S3 path in S3's canonical form). */
  urlToSend(url: URL, method: string): URL;
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
  checkOptionNames(options, SIGNER_ENTRY);
  return newSigner(options);
}

/** {@link createSigner} for an entry point that checked its options' names itself. @internal */
export function newSigner(options?: SigV4Options): Signer {
  const resolved = resolveOptions(options);
  const credentials = credentialSource(resolved);
  const signDetailed = async (
    request: SignableRequest,
    { presign, ownUrl }: SignSettings = {},
  ): Promise<SignOutcome> => {
    assertSignableRequest(request);
    const method = request.method.toUpperCase();
    const plan = planFor(resolved, method, toWireUrl(request.url, method), ownUrl);
    // Warm credentials, a loaded engine and a native payload hash are at hand: no turn is
    // waited for any of them.
    const resolvedIdentity = credentials.warm() ?? (await credentials.resolve(plan));
    const identity = presign?.omitSessionToken
      ? withoutSessionToken(resolvedIdentity)
      : resolvedIdentity;
    const made = createEngine(plan.scope, identity, plan.rules, plan);
    const engine = made instanceof Promise ? await made : made;
    const built = engineRequest(plan, request, !!presign);
    const toSign = built instanceof Promise ? await built : built;
    const settings = {
      signingDate: correctedNow(),
      unsignableHeaders: plan.rules.sendsPayloadHash ? UNSIGNABLE : UNSIGNABLE_WITH_HASH,
    };
    const signed = presign
      ? await presignWith(
          engine,
          toSign,
          { ...settings, expiresIn: presign.expiresIn },
          { ...plan, identity },
        )
      : await engine.sign(toSign, settings);
    const record = lazyRecord(plan, engine, signed, !!presign);
    resolved.log?.(presign ? 'presigned' : 'signed', {
      ...record(),
      accessKeyId: resolvedIdentity.accessKeyId,
    });
    return {
      headers: presign ? ({} as SigningHeaders) : signingHeadersOf(signed.headers, plan.rules),
      query: presign ? signed.query : undefined,
      credentials: resolvedIdentity,
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
    urlToSend: (url, method) => urlToSend(resolved, url, method),
    log: resolved.log,
  });
  return signer;
}
