/**
 * Helpers of the real-time suites: read what the signers produced the way AWS does (base64 JSON
 * in a query parameter or a subprotocol entry), and check each signature with botocore, an
 * oracle that shares nothing with this package, over the very request AWS rebuilds from it.
 */
import type { AppSyncIamAuthorization } from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import type { BotocoreOracle } from '../support/botocoreOracle';

/** The headers carried by a GraphQL connection URL's `header` parameter (standard base64). */
export function headerParameterOf(url: string): Record<string, string> {
  const header = new URL(url).searchParams.get('header');
  return JSON.parse(Buffer.from(header ?? '', 'base64').toString('utf8'));
}

/** The headers carried by an Events `header-<base64url>` subprotocol entry. */
export function headerProtocolOf(protocols: readonly string[]): Record<string, string> {
  const entry = protocols.find((protocol) => protocol.startsWith('header-')) ?? '';
  expect(entry).toMatch(/^header-[A-Za-z0-9_-]+$/); // base64url, no padding: a valid token
  return JSON.parse(Buffer.from(entry.slice('header-'.length), 'base64url').toString('utf8'));
}

const parameter = (authorization: string, name: string) =>
  new RegExp(`${name}=([^,\\s]+)`).exec(authorization)?.[1];

/**
 * botocore's signature of `POST https://<host><path>` with `body` and exactly the headers AppSync
 * verifies (those in the authorization object but Authorization itself), at the same time and
 * with the same keys, compared with the one in the object. Skipped (undefined) without botocore.
 */
export async function expectBotocoreAgrees(
  botocore: BotocoreOracle | undefined,
  authorization: AppSyncIamAuthorization | Record<string, string>,
  path: string,
  body: string,
  region: string,
): Promise<void> {
  const { Authorization, ...signed } = authorization as Record<string, string>;
  const [, date, scopeRegion, service] = /Credential=[^/]+\/(\d{8})\/([^/]+)\/([^/]+)\//.exec(
    Authorization,
  )!;
  expect({ date, scopeRegion, service }).toEqual({
    date: signed['x-amz-date'].slice(0, 8),
    scopeRegion: region,
    service: 'appsync',
  });
  if (!botocore) return;
  const expected = await botocore.sign({
    method: 'POST',
    url: `https://${signed.host}${path}`,
    headers: Object.entries(signed),
    body: Buffer.from(body, 'utf8'),
    amzDate: signed['x-amz-date'],
    region,
    service: 'appsync',
    ...TEST_CREDENTIALS,
  });
  expect(parameter(Authorization, 'SignedHeaders')).toBe(expected.signedHeaders);
  expect(parameter(Authorization, 'Signature')).toBe(expected.signature);
}
