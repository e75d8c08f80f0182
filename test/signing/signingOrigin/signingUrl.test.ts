import { signingUrlFor } from '../../../src/signing/signingUrl';

test.each([
  [
    'https://origin.example.com',
    'https://cdn.example.com/prod/items?a=1',
    'https://origin.example.com/prod/items?a=1',
  ],
  [
    'https://origin.example.com/',
    'https://cdn.example.com/items',
    'https://origin.example.com/items',
  ],
  [
    'https://origin.example.com/prod',
    'https://cdn.example.com/items?x=%20',
    'https://origin.example.com/prod/items?x=%20',
  ],
  [
    'https://origin.example.com:8443/v1/api',
    'http://cdn/',
    'https://origin.example.com:8443/v1/api/',
  ],
])('origin %s, request %s → signed as %s', (origin, request, expected) => {
  const parsedOrigin = new URL(origin);
  parsedOrigin.pathname = parsedOrigin.pathname.replace(/\/+$/, '');
  expect(signingUrlFor(new URL(request), parsedOrigin).href).toBe(expected);
});
