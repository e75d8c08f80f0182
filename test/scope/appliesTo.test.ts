/**
 * Which requests a signer signs (`createSigner(options).appliesTo(url)`): by default only AWS hosts
 * whose scope can be inferred, every host when region and service are both given, and exactly the
 * `hosts` matchers when they are given.
 */
import { createSigner, isSigV4Error, type HostMatcher } from 'aws-sigv4-interceptor';

const API = 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/items';
const LAMBDA_URL = 'https://abcdef123456.lambda-url.us-east-1.on.aws/';
const CUSTOM = 'https://api.example.com/v1/orders';
const CLOUDFRONT = 'https://d111111abcdef8.cloudfront.net/prod/items';
const LOCAL = 'http://127.0.0.1:8080/items';
const LOCALHOST = 'http://localhost:3000/';
const BOGUS_REGION = 'https://abc.execute-api.notaregion.amazonaws.com/prod';

interface ScopeCase {
  url: string;
  applies: boolean;
}

const scopeTable = (signer: { appliesTo(url: string): boolean }, cases: ScopeCase[]) =>
  cases.map(({ url }) => ({ url, applies: signer.appliesTo(url) }));

describe('appliesTo: default scope (no region, no service, no hosts)', () => {
  const cases: ScopeCase[] = [
    { url: API, applies: true },
    { url: LAMBDA_URL, applies: true },
    { url: 'https://my-bucket.s3.amazonaws.com/key', applies: true },
    { url: CUSTOM, applies: false },
    { url: CLOUDFRONT, applies: false },
    { url: LOCAL, applies: false },
    { url: LOCALHOST, applies: false },
    { url: BOGUS_REGION, applies: false },
    { url: 'https://execute-api.amazonaws.com.evil.com/', applies: false },
    // AWS service endpoints whose prefix is unknown: in scope, so that signing fails loudly.
    { url: 'https://nosuchservice.us-east-1.amazonaws.com/', applies: true },
    { url: 'https://a1b2c3-ats.iot.us-east-1.amazonaws.com/things/t/shadow', applies: true },
    // AWS hosts that are no service endpoint (no region label before the suffix), S3 websites
    { url: 'https://ec2-54-1-2-3.us-west-2.compute.amazonaws.com/', applies: false },
    { url: 'https://my-lb-123.us-east-1.elb.amazonaws.com/', applies: false },
    { url: 'http://my-bucket.s3-website.eu-central-1.amazonaws.com/', applies: false },
    { url: 'http://my-bucket.s3-website-us-east-1.amazonaws.com/', applies: false },
  ];

  test('signs only hosts whose service and region can be inferred', () => {
    expect(scopeTable(createSigner(), cases)).toEqual(cases);
  });

  test('only region given: still only inferable hosts', () => {
    expect(scopeTable(createSigner({ region: 'eu-west-1' }), cases)).toEqual(cases);
  });

  test('only service given: still only inferable hosts', () => {
    expect(scopeTable(createSigner({ service: 'execute-api' }), cases)).toEqual(cases);
  });

  test('accepts a URL object', () => {
    expect(createSigner().appliesTo(new URL(API))).toBe(true);
    expect(createSigner().appliesTo(new URL(CUSTOM))).toBe(false);
  });
});

describe('appliesTo: region and service both given', () => {
  test('every host is signed', () => {
    const signer = createSigner({ region: 'eu-west-1', service: 'execute-api' });
    const cases = [API, LAMBDA_URL, CUSTOM, CLOUDFRONT, LOCAL, LOCALHOST, BOGUS_REGION].map(
      (url) => ({ url, applies: true }),
    );
    expect(scopeTable(signer, cases)).toEqual(cases);
  });
});

describe('appliesTo: explicit hosts', () => {
  test('a host name matches every port of that host, case-insensitively', () => {
    const signer = createSigner({ hosts: ['API.Example.com'] });
    const cases: ScopeCase[] = [
      { url: CUSTOM, applies: true },
      { url: 'https://api.example.com:8443/x', applies: true },
      { url: 'http://API.EXAMPLE.COM/x', applies: true },
      { url: 'https://www.api.example.com/x', applies: false },
      { url: 'https://api.example.com.evil.com/x', applies: false },
      { url: 'https://example.com/x', applies: false },
      // explicit hosts decide: an inferable AWS host not in the list is not signed
      { url: API, applies: false },
    ];
    expect(scopeTable(signer, cases)).toEqual(cases);
  });

  test('host:port matches that port only', () => {
    const signer = createSigner({ hosts: ['127.0.0.1:8080'] });
    const cases: ScopeCase[] = [
      { url: 'http://127.0.0.1:8080/items', applies: true },
      { url: 'http://127.0.0.1:9090/items', applies: false },
      { url: 'http://127.0.0.1/items', applies: false },
      { url: 'http://localhost:8080/items', applies: false },
    ];
    expect(scopeTable(signer, cases)).toEqual(cases);
  });

  test('host:443 names an https URL that leaves the default port out, and nothing else', () => {
    const signer = createSigner({ hosts: ['api.example.com:443'] });
    const cases: ScopeCase[] = [
      { url: 'https://api.example.com/items', applies: true },
      { url: 'https://api.example.com:443/items', applies: true },
      { url: 'http://api.example.com/items', applies: false },
      { url: 'https://api.example.com:8443/items', applies: false },
    ];
    expect(scopeTable(signer, cases)).toEqual(cases);
  });

  test('several matchers: any one is enough', () => {
    const signer = createSigner({
      hosts: ['127.0.0.1', /\.internal$/, (host) => host === 'localhost'],
    });
    const cases: ScopeCase[] = [
      { url: LOCAL, applies: true },
      { url: 'https://orders.internal/x', applies: true },
      { url: LOCALHOST, applies: true },
      { url: CUSTOM, applies: false },
    ];
    expect(scopeTable(signer, cases)).toEqual(cases);
  });

  test('a RegExp is tested against the host name (no port)', () => {
    const signer = createSigner({
      hosts: [/^[a-z0-9]+\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/],
    });
    const cases: ScopeCase[] = [
      { url: API, applies: true },
      { url: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com:443/prod', applies: true },
      { url: LAMBDA_URL, applies: false },
      { url: CUSTOM, applies: false },
    ];
    expect(scopeTable(signer, cases)).toEqual(cases);
  });

  test('a global (/g) RegExp gives the same answer every time (lastIndex does not leak)', () => {
    const pattern = /example\.com$/g;
    const signer = createSigner({ hosts: [pattern] });
    const answers = [CUSTOM, CUSTOM, CUSTOM, LOCAL, CUSTOM].map((url) => signer.appliesTo(url));
    expect(answers).toEqual([true, true, true, false, true]);
  });

  test('a sticky (/y) RegExp is also reset between calls', () => {
    const signer = createSigner({ hosts: [/api\.example\.com/y] });
    expect([signer.appliesTo(CUSTOM), signer.appliesTo(CUSTOM)]).toEqual([true, true]);
  });

  test('a predicate receives the lower-case host name without the port', () => {
    const seen: string[] = [];
    const predicate: HostMatcher = (host) => {
      seen.push(host);
      return host.endsWith('.corp.example');
    };
    const signer = createSigner({ hosts: [predicate] });
    expect(signer.appliesTo('https://Orders.Corp.Example:8443/x')).toBe(true);
    expect(signer.appliesTo('https://corp.example.evil.com/x')).toBe(false);
    expect(seen).toEqual(['orders.corp.example', 'corp.example.evil.com']);
  });

  test('an empty list signs nothing, even AWS hosts', () => {
    const signer = createSigner({ hosts: [], region: 'eu-west-1', service: 'execute-api' });
    expect([API, CUSTOM, LOCAL].map((url) => signer.appliesTo(url))).toEqual([false, false, false]);
  });
});

describe('appliesTo: an invalid URL', () => {
  test('throws a typed INVALID_URL error', () => {
    let caught: unknown;
    try {
      createSigner().appliesTo('not a url');
    } catch (error) {
      caught = error;
    }
    expect(isSigV4Error(caught)).toBe(true);
    expect(caught).toMatchObject({ name: 'SigV4RequestError', code: 'INVALID_URL' });
  });
});

describe('an AWS service endpoint whose prefix botocore does not know', () => {
  const credentials = { accessKeyId: 'AKIDUNKNOWNPREFIX001', secretAccessKey: 'unknown/prefix' };

  test('is refused with UNKNOWN_SIGNING_SCOPE naming the host and the fix, not guessed', async () => {
    const url = 'https://a1b2c3-ats.iot.us-east-1.amazonaws.com/things/t/shadow';
    const error = await createSigner({ credentials })
      .sign({ method: 'GET', url })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SigV4RequestError', code: 'UNKNOWN_SIGNING_SCOPE' });
    expect((error as Error).message).toContain("prefix 'a1b2c3-ats.iot'");
    expect((error as Error).message).toContain('a1b2c3-ats.iot.us-east-1.amazonaws.com');
    expect((error as Error).message).toContain('pass `region` and `service`');
  });

  test('given `service`, signs for it in the region the host names', async () => {
    const url = 'https://a1b2c3-ats.iot.us-east-1.amazonaws.com/things/t/shadow';
    const { authorization } = await createSigner({ credentials, service: 'iotdata' }).sign({
      method: 'GET',
      url,
    });
    expect(authorization).toMatch(/\/us-east-1\/iotdata\/aws4_request/);
  });
});
