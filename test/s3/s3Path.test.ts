/**
 * The S3 path the signer sends and signs, against fixed answers and the local endpoint's own
 * (independent) S3 canonicalization: both must agree on every edge of the encoding.
 */
import { s3CanonicalPath } from '../../src/s3Path';
import { canonicalUri } from '../../src/testing/canonicalUri';

const CASES: Array<[string, string]> = [
  ["/bucket/a:b@c!$'()*,;=", '/bucket/a%3Ab%40c%21%24%27%28%29%2A%2C%3B%3D'],
  ['/bucket/a+b&c', '/bucket/a%2Bb%26c'],
  ['/bucket/%28x%29%2a', '/bucket/%28x%29%2A'],
  ['/bucket/%41%7E%2F', '/bucket/A~%2F'],
  ['/bucket/caf%C3%A9', '/bucket/caf%C3%A9'],
  ['/bucket/100%', '/bucket/100%25'],
  ['/bucket/100%zz', '/bucket/100%25zz'],
  ['/bucket//a/./b/../c', '/bucket//a/./b/../c'],
  ['/bucket/[x]|^{}', '/bucket/%5Bx%5D%7C%5E%7B%7D'],
  ['/', '/'],
];

test.each(CASES)('%j is sent and signed as %j', (path, expected) => {
  expect(s3CanonicalPath(path)).toBe(expected);
  expect(canonicalUri(path, false)).toBe(expected);
});

test('canonical paths are left as they are', () => {
  for (const [, canonical] of CASES) expect(s3CanonicalPath(canonical)).toBe(canonical);
});
