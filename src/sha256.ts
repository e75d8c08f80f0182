import { Sha256 as PortableSha256 } from '@aws-crypto/sha256-js';

/** The hash interface @smithy/signature-v4 expects (`Checksum` in @smithy/types). @internal */
export interface HashLike {
  update(data: Uint8Array): void;
  digest(): Promise<Uint8Array>;
  reset(): void;
}

/** What a key may be. @internal */
export type HashSecret = string | ArrayBuffer | ArrayBufferView;
/** A SHA-256 (or HMAC-SHA256 when given a secret) constructor. @internal */
export type HashConstructor = new (secret?: HashSecret) => HashLike;

interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(): Uint8Array;
}
interface NodeCrypto {
  createHash(algorithm: 'sha256'): NodeHash;
  createHmac(algorithm: 'sha256', key: HashSecret): NodeHash;
}
interface NodeProcess {
  getBuiltinModule?(id: 'node:crypto'): NodeCrypto | undefined;
}

/**
 * node:crypto reached without an import statement, so that browser bundles never see a Node
 * built-in. `process.getBuiltinModule` exists from Node 20.16 / 22.3; older runtimes use the
 * portable hash, about 20x slower on large bodies (DOMAIN.md §2).
 */
function findNodeCrypto(): NodeCrypto | undefined {
  const process = (globalThis as { process?: NodeProcess }).process;
  return process?.getBuiltinModule?.('node:crypto');
}

function nodeSha256(crypto: NodeCrypto): HashConstructor {
  return class NativeSha256 implements HashLike {
    private hash: NodeHash;
    constructor(private readonly secret?: HashSecret) {
      this.hash = this.create();
    }
    private create(): NodeHash {
      return this.secret === undefined
        ? crypto.createHash('sha256')
        : crypto.createHmac('sha256', this.secret);
    }
    update(data: Uint8Array): void {
      this.hash.update(data);
    }
    digest(): Promise<Uint8Array> {
      return Promise.resolve(this.hash.digest());
    }
    reset(): void {
      this.hash = this.create();
    }
  };
}

let chosen: HashConstructor | undefined;

/** The fastest SHA-256 this runtime offers, chosen on first use (never at import). @internal */
export function sha256Constructor(): HashConstructor {
  if (!chosen) {
    const crypto = findNodeCrypto();
    chosen = crypto ? nodeSha256(crypto) : (PortableSha256 as unknown as HashConstructor);
  }
  return chosen;
}
