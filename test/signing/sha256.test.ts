import { createHash, createHmac } from 'node:crypto';
import { Sha256 as PortableSha256 } from '@aws-crypto/sha256-js';
import { sha256Constructor, sha256Hex, type HashConstructor } from '../../src/signing/sha256';

/** The hash the signer uses: native in Node 20.16+, checked against node:crypto directly. */
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const body = new TextEncoder().encode('é'.repeat(100_000));

test('Node gets the native hash, not the portable fallback', async () => {
  expect(await sha256Constructor()).not.toBe(PortableSha256);
});

test.each([
  ['native', () => sha256Constructor()],
  ['portable fallback', async () => PortableSha256 as unknown as HashConstructor],
])('%s SHA-256 and HMAC equal node:crypto', async (_name, ctor) => {
  const Hash = await ctor();
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

test.each([
  ['a UTF-8 string', 'é€𝄞'.repeat(5000)],
  ['bytes', body],
  ['nothing', ''],
])('sha256Hex of %s equals node:crypto over the UTF-8 bytes', async (_name, data) => {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  expect(await sha256Hex(data)).toBe(createHash('sha256').update(bytes).digest('hex'));
});
