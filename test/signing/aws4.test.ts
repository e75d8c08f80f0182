import { createSigner } from 'aws-sigv4-interceptor';
import { aws4Authorization } from '../support/aws4Oracle';

/**
 * Our signer against the independent `aws4` package, request by request: same wire request,
 * same date, same credentials, so the Authorization headers must be equal.
 */
const credentials = {
  accessKeyId: 'AKIDORACLE0000000001',
  secretAccessKey: 'oracle/secret/key+with/slashes',
  sessionToken: 'oracle-session-token//+=',
};
const NOW = new Date('2026-11-22T10:11:12Z');

// Every row has all five cells: jest hands a shorter row's test a `done` callback instead.
type Case = [
  name: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
];
const cases: Case[] = [
  [
    'plain GET',
    'GET',
    'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items',
    {},
    undefined,
  ],
  ['query, repeated keys', 'GET', 'https://h.example/p?b=2&a=1&a=0&c=', {}, undefined],
  ['unicode path', 'GET', 'https://h.example/r%C3%A9sum%C3%A9/%E6%97%A5%E6%9C%AC', {}, undefined],
  ['pre-encoded slash', 'GET', 'https://h.example/a%2Fb/c%20d', {}, undefined],
  ['reserved in path', 'GET', "https://h.example/a:b@c!$&'()*+,;=", {}, undefined],
  ['double and trailing slash', 'GET', 'https://h.example//a//b/', {}, undefined],
  [
    'sorted encoded keys',
    'GET',
    'https://h.example/?a~=1&a.=2&aB=3&a_=4&Ab=5&%E2%82%AC=6',
    {},
    undefined,
  ],
  [
    'custom headers',
    'GET',
    'https://h.example/',
    { 'X-Custom-Thing': '  a   b  ', Accept: 'application/json' },
    undefined,
  ],
  [
    'JSON POST',
    'POST',
    'https://h.example/orders',
    { 'Content-Type': 'application/json' },
    '{"id":1,"name":"é"}',
  ],
  [
    'PUT with query',
    'PUT',
    'https://h.example/o/1?force=true',
    { 'Content-Type': 'text/plain' },
    'hello',
  ],
  ['port in host', 'PATCH', 'http://127.0.0.1:8443/x', { 'Content-Type': 'text/plain' }, 'x'],
];

beforeEach(() => jest.useFakeTimers({ now: NOW }));
afterEach(() => jest.useRealTimers());

test.each(cases)('%s', async (_name, method, url, headers, body) => {
  const signer = createSigner({ region: 'eu-west-1', service: 'execute-api', credentials });
  const signed = await signer.sign({ method, url, headers, body });
  const wire = new URL(url);
  const oracle = aws4Authorization({
    method,
    url: wire.href,
    headers: {
      ...headers,
      Host: wire.host,
      'X-Amz-Date': signed['x-amz-date'],
      'X-Amz-Security-Token': credentials.sessionToken,
    },
    body,
    service: 'execute-api',
    region: 'eu-west-1',
    credentials,
  });
  expect(signed.authorization).toBe(oracle);
  expect(signed['x-amz-security-token']).toBe(credentials.sessionToken);
  expect(signed).not.toHaveProperty('x-amz-content-sha256');
});
