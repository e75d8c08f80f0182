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
  update(data: Uint8Array | string, encoding?: 'utf8'): NodeHash;
  digest(): Uint8Array;
  digest(encoding: 'hex'): string;
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

let native: NodeCrypto | null | undefined;
const nodeCrypto = () => (native === undefined ? (native = findNodeCrypto() ?? null) : native);

let chosen: Promise<HashConstructor> | undefined;

/**
 * The fastest SHA-256 this runtime offers, chosen on first use (never at import): node:crypto,
 * else @aws-crypto/sha256-js, loaded only then.
 * @internal
 */
export function sha256Constructor(): Promise<HashConstructor> {
  const crypto = nodeCrypto();
  chosen ??= crypto
    ? Promise.resolve(nodeSha256(crypto))
    : import('@aws-crypto/sha256-js').then(({ Sha256 }) => Sha256 as unknown as HashConstructor);
  return chosen;
}

/** The SHA-256 of nothing: every GET's payload hash. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * The hex SHA-256 of a string (as UTF-8) or bytes, computed at once where node:crypto is at hand;
 * undefined elsewhere (a browser, Node before 20.16), where callers do without or wait for
 * {@link sha256Hex}. node:crypto hashes a string in place, without the copy into bytes that a
 * byte-oriented hash needs (a third of the time for a 1 MB string).
 * @internal
 */
export function sha256HexNow(data: string | Uint8Array): string | undefined {
  if (data.length === 0) return EMPTY_SHA256;
  return nodeCrypto()?.createHash('sha256').update(data, 'utf8').digest('hex');
}

const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The hex SHA-256 of a body, with the portable hash where node:crypto is missing. @internal */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const now = sha256HexNow(data);
  if (now !== undefined) return now;
  const Hash = await sha256Constructor();
  const hash = new Hash();
  hash.update(typeof data === 'string' ? new TextEncoder().encode(data) : data);
  return toHex(await hash.digest());
}
