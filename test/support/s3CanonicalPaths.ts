/**
 * S3 paths as written and as S3 canonicalizes them (each segment decoded, then RFC 3986 encoded
 * once, no normalization): shared by the signer's and the local endpoint's tests.
 */
export const S3_CANONICAL_PATHS: Array<[string, string]> = [
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
