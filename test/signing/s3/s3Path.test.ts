/**
 * The S3 path the signer sends and signs, against fixed answers and the local endpoint's own
 * (independent) S3 canonicalization: both must agree on every edge of the encoding.
 */
import { s3CanonicalPath } from '../../../src/signing/s3Path';
import { canonicalUri } from '../../../src/testing/verifier/canonical/canonicalUri';
import { S3_CANONICAL_PATHS as CASES } from '../../support/s3CanonicalPaths';

test.each(CASES)('%j is sent and signed as %j', (path, expected) => {
  expect(s3CanonicalPath(path)).toBe(expected);
  expect(canonicalUri(path, false)).toBe(expected);
});

test('canonical paths are left as they are', () => {
  for (const [, canonical] of CASES) expect(s3CanonicalPath(canonical)).toBe(canonical);
});
