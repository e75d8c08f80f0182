import { SignatureV4 } from '@smithy/signature-v4';
import {
  AUTHORIZATION_HEADER,
  AMZ_DATE_HEADER,
  CLIENT_MANAGED_HEADERS,
  CONTENT_SHA256_HEADER,
  HOST_HEADER,
  SECURITY_TOKEN_HEADER,
  SIGNING_HEADERS,
} from './constants';
import { correctedNow } from './clock';
import { credentialSource } from './credentialSource';
import { assertNoUserinfo } from './errors';
import { resolveOptions } from './options';
import { isInScope, signingScopeFor } from './scope';
import { signingRulesFor, type ServiceSigningRules } from './services';
import { sha256Constructor } from './sha256';
import type {
  AwsCredentialIdentity,
  SignableRequest,
  Signer,
  SigningHeaders,
  SigV4Options,
} from './types';
import { decodedQuery, toWireUrl } from './wireUrl';

const UNSIGNABLE = new Set<string>(CLIENT_MANAGED_HEADERS);
const STALE = new Set<string>(SIGNING_HEADERS);

/**
 * The headers to sign, lower-cased: stale signing headers of an earlier attempt dropped, `host`
 * added (the signer does not add it; a caller's own Host, as for a VPC endpoint, wins).
 */
function headersToSign(
  headers: SignableRequest['headers'],
  url: URL,
  rules: ServiceSigningRules,
): Record<string, string> {
  const signable: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    const keep = !STALE.has(lower) || (lower === CONTENT_SHA256_HEADER && rules.sendsPayloadHash);
    if (value === undefined || !keep) continue;
    const text = typeof value === 'string' ? value : value.join(',');
    signable[lower] = lower in signable ? `${signable[lower]},${text}` : text;
  }
  signable[HOST_HEADER] ??= url.host;
  if (rules.payloadHash) signable[CONTENT_SHA256_HEADER] = rules.payloadHash;
  return signable;
}

function signingHeadersOf(
  signed: Record<string, string>,
  rules: ServiceSigningRules,
): SigningHeaders {
  return {
    [AUTHORIZATION_HEADER]: signed[AUTHORIZATION_HEADER],
    [AMZ_DATE_HEADER]: signed[AMZ_DATE_HEADER],
    ...(signed[SECURITY_TOKEN_HEADER] && {
      [SECURITY_TOKEN_HEADER]: signed[SECURITY_TOKEN_HEADER],
    }),
    ...(rules.sendsPayloadHash && { [CONTENT_SHA256_HEADER]: signed[CONTENT_SHA256_HEADER] }),
  };
}

const toSignableBody = (body: SignableRequest['body']) =>
  body instanceof ArrayBuffer ? new Uint8Array(body) : body;

/** A signature and what it was made with, for the recovery after a refusal. @internal */
export interface SignOutcome {
  readonly headers: SigningHeaders;
  readonly credentials: AwsCredentialIdentity;
}

/** What the exchange needs of a signer beyond its public face. @internal */
export interface SignerInternals {
  sign(request: SignableRequest): Promise<SignOutcome>;
  /** The server refused these credentials: resolve afresh on the next signature. */
  forgetCredentials(used: AwsCredentialIdentity): void;
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
  const signDetailed = async (request: SignableRequest): Promise<SignOutcome> => {
    const method = request.method.toUpperCase();
    const url = toWireUrl(request.url, method);
    assertNoUserinfo(url, method);
    const { region, service } = signingScopeFor(resolved, url, method);
    const rules = signingRulesFor(service);
    const identity = await credentials.resolve({ method, url });
    const signer = new SignatureV4({
      credentials: identity,
      region,
      service,
      sha256: sha256Constructor(),
      uriEscapePath: rules.uriEscapePath,
      applyChecksum: rules.sendsPayloadHash,
    });
    const signed = await signer.sign(
      {
        method,
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        query: decodedQuery(url),
        headers: headersToSign(request.headers, url, rules),
        body: toSignableBody(request.body),
      },
      { signingDate: correctedNow(), unsignableHeaders: UNSIGNABLE },
    );
    return { headers: signingHeadersOf(signed.headers, rules), credentials: identity };
  };
  const signer: Signer = {
    appliesTo: (url) => isInScope(resolved, toWireUrl(url)),
    sign: async (request) => (await signDetailed(request)).headers,
  };
  internals.set(signer, { sign: signDetailed, forgetCredentials: credentials.forget });
  return signer;
}
