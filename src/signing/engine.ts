import { SigV4RequestError } from '../errors';
import type { ServiceSigningRules } from './services';
import { sha256Constructor, type HashConstructor } from './sha256';
import { cachingSigningKeys } from './signingKeyCache';
import type { AwsCredentialIdentity } from '../types';

/** The HttpRequest shape of @smithy/types, as the engines take and return it. @internal */
export interface EngineRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: unknown;
}

/** One signature's worth of a smithy signer, keeping what it built for the record. @internal */
export interface SigningEngine {
  sign(request: EngineRequest, options: Record<string, unknown>): Promise<EngineRequest>;
  presign?(request: EngineRequest, options: Record<string, unknown>): Promise<EngineRequest>;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
}

/** What a smithy signer is constructed with. @internal */
export interface SignerInit {
  credentials: AwsCredentialIdentity;
  region: string;
  service: string;
  sha256: HashConstructor;
  uriEscapePath: boolean;
  applyChecksum: boolean;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- smithy's constructors are protected/any-typed
export type SmithySignerClass = new (init: SignerInit) => any;
/** A smithy signer class made into a {@link SigningEngine}. @internal */
export type EngineClass = new (init: SignerInit) => SigningEngine;

/**
 * A smithy signer class that keeps the canonical request and string to sign it builds, so a debug
 * log or a mismatch diagnosis can show what was signed without this package computing any part
 * of SigV4 itself. Works for SignatureV4 and SignatureV4a (both build them in SignatureV4Base).
 */
function recording(Base: SmithySignerClass): SmithySignerClass {
  return class Recording extends Base {
    canonicalRequest = '';
    stringToSign = '';
    createCanonicalRequest(...args: unknown[]): string {
      this.canonicalRequest = super.createCanonicalRequest(...args);
      return this.canonicalRequest;
    }
    async createStringToSign(...args: unknown[]): Promise<string> {
      this.stringToSign = await super.createStringToSign(...args);
      return this.stringToSign;
    }
  };
}

/**
 * @smithy/signature-v4 is loaded on the first signature, not on import: a process that imports
 * this package and has not signed yet has not paid for it.
 */
let sigV4: Promise<EngineClass> | undefined;
/** The class once loaded: later signatures need not wait on a promise for it. */
let loadedSigV4: EngineClass | undefined;
const loadSigV4 = () =>
  (sigV4 ??= import('@smithy/signature-v4').then(({ SignatureV4 }) => {
    loadedSigV4 = cachingSigningKeys(recording(SignatureV4 as unknown as SmithySignerClass));
    return loadedSigV4;
  }));

/**
 * Named through a variable so that bundlers leave the import alone: most users never sign with
 * SigV4A and need not install it, and a literal import would fail their build.
 */
const SIGV4A_PACKAGE = '@smithy/signature-v4a';
let sigV4a: Promise<EngineClass> | undefined;

/**
 * SigV4A lives in @smithy/signature-v4a, an optional peer dependency (pure JS, with its own
 * P-256): loaded on the first multi-region signature only, instantiated directly (DOMAIN.md §9).
 */
function loadSigV4a(method: string, url: URL): Promise<EngineClass> {
  type SigV4aModule = typeof import('@smithy/signature-v4a');
  sigV4a ??= (import(SIGV4A_PACKAGE) as Promise<SigV4aModule>).then(
    ({ SignatureV4a }) => recording(SignatureV4a as unknown as SmithySignerClass) as EngineClass,
    (cause: unknown) => {
      sigV4a = undefined;
      throw new SigV4RequestError(
        'SIGV4A_UNAVAILABLE',
        'SigV4A signing needs the package @smithy/signature-v4a',
        'install it next to this package (npm install @smithy/signature-v4a)',
        { method, url, cause },
      );
    },
  );
  return sigV4a;
}

let loadedSha256: HashConstructor | undefined;

type EngineScope = { region: string; service: string; regionSet?: readonly string[] };

const newEngine = (
  Engine: EngineClass,
  sha256: HashConstructor,
  scope: EngineScope,
  credentials: AwsCredentialIdentity,
  rules: ServiceSigningRules,
): SigningEngine =>
  new Engine({
    credentials,
    region: scope.regionSet ? scope.regionSet.join(',') : scope.region,
    service: scope.service,
    sha256,
    uriEscapePath: rules.uriEscapePath,
    applyChecksum: rules.sendsPayloadHash,
  });

/**
 * Creates the engine for one signature: SigV4, or SigV4A when a region set is given. Returned at
 * once (no promise to wait on) once SigV4 and the hash are loaded: every signature but the first.
 * @internal
 */
export function createEngine(
  scope: EngineScope,
  credentials: AwsCredentialIdentity,
  rules: ServiceSigningRules,
  request: { method: string; url: URL },
): SigningEngine | Promise<SigningEngine> {
  if (!scope.regionSet && loadedSigV4 && loadedSha256) {
    return newEngine(loadedSigV4, loadedSha256, scope, credentials, rules);
  }
  return Promise.all([
    scope.regionSet ? loadSigV4a(request.method, request.url) : loadSigV4(),
    sha256Constructor().then((loaded) => (loadedSha256 = loaded)),
  ]).then(([Engine, sha256]) => newEngine(Engine, sha256, scope, credentials, rules));
}
