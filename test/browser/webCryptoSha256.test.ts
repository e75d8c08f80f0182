/**
 * src/browser/sha256.ts, the browser build's hash, run on Node's WebCrypto (the same API as a
 * browser's) and checked against node:crypto; and its fallback when a page has no WebCrypto.
 */
import { createHash, createHmac } from 'node:crypto';
import { webCryptoSha256 } from '../../src/browser/sha256';

const Sha256 = webCryptoSha256(globalThis.crypto.subtle);
const bytes = (text: string) => new TextEncoder().encode(text);
const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');
const big = new Uint8Array(300_000).map((_, i) => i % 251);

test.each([
  ['nothing', undefined, []],
  ['one chunk', undefined, [bytes('GET\n/prod/orders\n')]],
  [
    'several chunks and a view into a larger buffer',
    undefined,
    [bytes('a'), big.subarray(7, 9000)],
  ],
  ['300 KB', undefined, [big]],
  ['HMAC, a string key', 'AWS4secret', [bytes('20260101')]],
  ['HMAC, a byte key', bytes('k'.repeat(100)), [bytes('aws4_request')]],
  ['HMAC, an empty key', '', [bytes('data')]],
  ['HMAC, a view as the key', big.subarray(3, 40), [big.subarray(0, 10)]],
])('%s: as node:crypto', async (_, key, chunks) => {
  const hash = new Sha256(key);
  for (const chunk of chunks) hash.update(chunk);
  const oracle = key === undefined ? createHash('sha256') : createHmac('sha256', key);
  for (const chunk of chunks) oracle.update(chunk);
  expect(hex(await hash.digest())).toBe(oracle.digest('hex'));
});

test('reset starts over; an update buffer reused by the caller does not change the hash', async () => {
  const hash = new Sha256();
  hash.update(bytes('discarded'));
  hash.reset();
  const buffer = bytes('kept');
  hash.update(buffer);
  buffer.fill(0);
  expect(hex(await hash.digest())).toBe(createHash('sha256').update('kept').digest('hex'));
});

test.each([
  ['WebCrypto', true],
  ['@aws-crypto/sha256-js, without WebCrypto', false],
])('sha256Hex with %s', async (_, webCrypto) => {
  const text = 'é'.repeat(1000);
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
  if (!webCrypto) Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true });
  try {
    let module!: typeof import('../../src/browser/sha256');
    jest.isolateModules(() => {
      module = jest.requireActual('../../src/browser/sha256');
    });
    const Hash = await module.sha256Constructor();
    expect(Hash.name).toBe(webCrypto ? 'WebCryptoSha256' : 'Sha256');
    const expected = createHash('sha256').update(text, 'utf8').digest('hex');
    expect(await module.sha256Hex(text)).toBe(expected);
    expect(await module.sha256Hex(bytes(text))).toBe(expected);
  } finally {
    Object.defineProperty(globalThis, 'crypto', saved);
  }
});
