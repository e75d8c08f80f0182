import { createHash, createHmac } from 'node:crypto';
import { Sha256 as PortableSha256 } from '@aws-crypto/sha256-js';
import { sha256Constructor } from '../../src/sha256';

/** The hash the signer uses: native in Node 20.16+, checked against node:crypto directly. */
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const body = new TextEncoder().encode('é'.repeat(100_000));

test('Node gets the native hash, not the portable fallback', () => {
  expect(sha256Constructor()).not.toBe(PortableSha256);
});

test.each([
  ['native', () => sha256Constructor()],
  ['portable fallback', () => PortableSha256 as unknown as ReturnType<typeof sha256Constructor>],
])('%s SHA-256 and HMAC equal node:crypto', async (_name, ctor) => {
  const Hash = ctor();
  const hash = new Hash();
  hash.update(body);
  expect(hex(await hash.digest())).toBe(createHash('sha256').update(body).digest('hex'));
  const hmac = new Hash('secret-key');
  hmac.update(body.subarray(10, 500));
  expect(hex(await hmac.digest())).toBe(
    createHmac('sha256', 'secret-key').update(body.subarray(10, 500)).digest('hex'),
  );
  hmac.reset();
  hmac.update(new Uint8Array());
  expect(hex(await hmac.digest())).toBe(createHmac('sha256', 'secret-key').digest('hex'));
});
