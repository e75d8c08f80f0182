import { AUTHORIZATION_HEADER, CLIENT_MANAGED_HEADERS } from './constants';
import { correctedNow } from './clock';
import type { DebugLog } from './debug';
import { credentialSource } from './credentialSource';
import { createEngine, type EngineRequest, type SigningEngine } from './engine';
import { assertNoUserinfo, SigV4RequestError } from './errors';
import type { SigningRecord } from './diagnosis/types';
import { resolveOptions } from './options';
import { redactCanonicalRequest, redactUrl } from './redact';
import { isInScope, signingScopeFor } from './scope';
import { signingRulesFor } from './services';
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

const toSignableBody = (body: SignableRequest['body']) =>
  body instanceof ArrayBuffer ? new Uint8Array(body) : body;

/** A signature and what it was made with, for the recovery after a refusal. @internal */
export interface SignOutcome {
  readonly headers: SigningHeaders;
  /** A presigned request's query, signature parameters included. */
  readonly query?: Readonly<Record<string, string | string[]>>;
  readonly credentials: AwsCredentialIdentity;
  /** What was signed, redacted: for the debug log and a signature-mismatch diagnosis. */
  readonly record: SigningRecord;
}

/** Query-string authentication instead of headers. @internal */
export interface PresignSettings {
  /** Seconds the URL stays valid. */
  readonly expiresIn: number;
}

const UNSIGNABLE = new Set<string>(CLIENT_MANAGED_HEADERS);

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

/** What the exchange needs of a signer beyond its public face. @internal */
export interface SignerInternals {
  sign(request: SignableRequest, presign?: PresignSettings): Promise<SignOutcome>;
  /** The server refused these credentials: resolve afresh on the next signature. */
  forgetCredentials(used: AwsCredentialIdentity): void;
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
    presign?: PresignSettings,
  ): Promise<SignOutcome> => {
    const method = request.method.toUpperCase();
    const url = toWireUrl(request.url, method);
    assertNoUserinfo(url, method);
    const signingUrl = signingUrlFor(url, resolved.signingOrigin);
    const scope = signingScopeFor(resolved, signingUrl, method);
    const regionSet = resolved.regionSet ?? (scope.region === '*' ? ['*'] : undefined);
    const rules = signingRulesFor(scope.service);
    const identity = await credentials.resolve({ method, url });
    const engine = await createEngine({ ...scope, regionSet }, identity, rules, { method, url });
    const toSign = {
      method,
      protocol: signingUrl.protocol,
      hostname: signingUrl.hostname,
      port: signingUrl.port ? Number(signingUrl.port) : undefined,
      path: signingUrl.pathname,
      query: decodedQuery(signingUrl),
      headers: headersToSign(request.headers, signingUrl, rules),
      body: toSignableBody(request.body),
    };
    const settings = { signingDate: correctedNow(), unsignableHeaders: UNSIGNABLE };
    const signed = presign
      ? await presignWith(engine, toSign, { ...settings, expiresIn: presign.expiresIn }, url)
      : await engine.sign(toSign, settings);
    const record: SigningRecord = {
      method,
      url: redactUrl(signingUrl),
      region: regionSet ? regionSet.join(',') : scope.region,
      service: scope.service,
      canonicalRequest: redactCanonicalRequest(engine.canonicalRequest),
      stringToSign: engine.stringToSign,
      signedHeaders: presign
        ? String(signed.query['X-Amz-SignedHeaders'] ?? '').split(';')
        : signedHeaderList(signed.headers[AUTHORIZATION_HEADER]),
    };
    resolved.log?.(presign ? 'presigned' : 'signed', {
      ...record,
      accessKeyId: identity.accessKeyId,
    });
    return {
      headers: presign ? ({} as SigningHeaders) : signingHeadersOf(signed.headers, rules),
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
    log: resolved.log,
  });
  return signer;
}
