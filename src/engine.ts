import { SignatureV4 } from '@smithy/signature-v4';
import { SigV4RequestError } from './errors';
import type { ServiceSigningRules } from './services';
import { sha256Constructor } from './sha256';
import type { AwsCredentialIdentity } from './types';

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

interface SignerInit {
  credentials: AwsCredentialIdentity;
  region: string;
  service: string;
  sha256: ReturnType<typeof sha256Constructor>;
  uriEscapePath: boolean;
  applyChecksum: boolean;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- smithy's constructors are protected/any-typed
type SmithySignerClass = new (init: SignerInit) => any;

/**
 * A smithy signer class that keeps the canonical request and string to sign it builds, so a debug
 * log or a mismatch diagnosis can show what was signed without this package computing any part
 * of SigV4 itself. Works for SignatureV4 and SignatureV4a (both build them in SignatureV4Base).
 */
function recording(Base: SmithySignerClass): new (init: SignerInit) => SigningEngine {
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
  } as unknown as new (init: SignerInit) => SigningEngine;
}

const RecordingSigV4 = recording(SignatureV4 as unknown as SmithySignerClass);
let RecordingSigV4a: Promise<new (init: SignerInit) => SigningEngine> | undefined;

/**
 * Named through a variable so that bundlers leave the import alone: most users never sign with
 * SigV4A and need not install it, and a literal import would fail their build.
 */
const SIGV4A_PACKAGE = '@smithy/signature-v4a';

/**
 * SigV4A lives in @smithy/signature-v4a, an optional peer dependency (pure JS, with its own
 * P-256): loaded on the first multi-region signature only, instantiated directly (DOMAIN.md §9).
 */
function loadSigV4a(method: string, url: URL): Promise<new (init: SignerInit) => SigningEngine> {
  type SigV4aModule = typeof import('@smithy/signature-v4a');
  RecordingSigV4a ??= (import(SIGV4A_PACKAGE) as Promise<SigV4aModule>).then(
    ({ SignatureV4a }) => recording(SignatureV4a as unknown as SmithySignerClass),
    (cause: unknown) => {
      RecordingSigV4a = undefined;
      throw new SigV4RequestError(
        'SIGV4A_UNAVAILABLE',
        'SigV4A signing needs the package @smithy/signature-v4a',
        'install it next to this package (npm install @smithy/signature-v4a)',
        { method, url, cause },
      );
    },
  );
  return RecordingSigV4a;
}

/** Creates the engine for one signature: SigV4, or SigV4A when a region set is given. @internal */
export async function createEngine(
  scope: { region: string; service: string; regionSet?: readonly string[] },
  credentials: AwsCredentialIdentity,
  rules: ServiceSigningRules,
  request: { method: string; url: URL },
): Promise<SigningEngine> {
  const init: SignerInit = {
    credentials,
    region: scope.regionSet ? scope.regionSet.join(',') : scope.region,
    service: scope.service,
    sha256: sha256Constructor(),
    uriEscapePath: rules.uriEscapePath,
    applyChecksum: rules.sendsPayloadHash,
  };
  const Engine = scope.regionSet ? await loadSigV4a(request.method, request.url) : RecordingSigV4;
  return new Engine(init);
}
