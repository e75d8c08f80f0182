/**
 * S3 object keys with every printable ASCII character, written into the URL raw (where a URL
 * can hold them) or with encodeURIComponent, sent through axios and fetch to the local endpoint
 * in S3 mode, which canonicalizes the key as S3 does (each segment decoded, then RFC 3986
 * encoded). Each request must verify there, travel with the path botocore's S3 client sends for
 * that key (`quote(key, safe='/~')`), and carry the signature botocore's S3 signer (S3SigV4Auth)
 * and aws4 compute for it.
 */
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type VerifySuccess,
} from 'aws-sigv4-interceptor/testing';
import { startBotocoreOracle, type BotocoreOracle } from '../../support/botocoreOracle';
import { CLIENT_NAMES, CLIENTS } from '../../support/clients';
import { expectOraclesAgree, newTally } from '../../fuzz/support/oracles';

const PRINTABLE = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i));

/** One key per printable character (`/` separates segments), and one with them all. */
const KEYS = [...PRINTABLE.map((char) => `key${char}end`), `all ${PRINTABLE.join('')} done`];

/** How S3 clients put a key in a path: RFC 3986, `/` kept (botocore's quote(key, safe='/~')). */
const rfc3986Path = (key: string) =>
  key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');

/** The key as a caller writes it into a URL: raw where the URL syntax allows it, else escaped. */
const rawPath = (key: string) => key.replace(/[%?#\\]/g, (c) => encodeURIComponent(c));
const encodedPath = (key: string) => key.split('/').map(encodeURIComponent).join('/');

const CASES = KEYS.flatMap((key) => [
  { key, written: 'raw', path: rawPath(key) },
  { key, written: 'encodeURIComponent', path: encodedPath(key) },
]);

let endpoint: LocalIamEndpoint;
let botocore: BotocoreOracle | undefined;
const tally = newTally();
beforeAll(async () => {
  endpoint = await startLocalIamEndpoint({
    region: 'eu-west-1',
    service: 's3',
    uriEscapePath: false,
  });
  botocore = await startBotocoreOracle();
});
afterAll(async () => {
  await endpoint.close();
  await botocore?.close();
});

describe.each(CLIENT_NAMES)('%s', (client) => {
  const call = CLIENTS[client]({
    credentials: TEST_CREDENTIALS,
    region: 'eu-west-1',
    service: 's3',
  });

  test.each(CASES)('$written key $key', async ({ key, path }) => {
    endpoint.requests.splice(0);
    const { status } = await call(`${endpoint.url}/bucket/${path}`, { method: 'PUT', body: key });
    expect(endpoint.requests).toHaveLength(1);
    const [received] = endpoint.requests;
    expect({ status, verdict: received.result.ok }).toEqual({ status: 200, verdict: true });
    expect(received.raw.rawUrl).toBe(`/bucket/${rfc3986Path(key)}`);
    const result = received.result as VerifySuccess;
    await expectOraclesAgree(received.raw, result, endpoint.url, botocore, tally);
  });
});

test('the oracles saw every request', () => {
  expect(tally.aws4).toBe(CASES.length * CLIENT_NAMES.length);
  if (botocore || process.env.REQUIRE_BOTOCORE) {
    expect(tally.botocore).toBe(CASES.length * CLIENT_NAMES.length);
  }
});
