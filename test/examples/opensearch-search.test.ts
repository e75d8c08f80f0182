/**
 * examples/opensearch-search: the handler's search, signed for `es` through axios, against a
 * local endpoint whose integration answers as an OpenSearch `_search` does.
 */
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { coldStart, lambdaEnvironment, localEndpointBeforeEach, REGION } from './support';

type Example = typeof import('../../examples/opensearch-search/handler');

const { consoleErrors } = lambdaEnvironment();

const DUNE = { title: 'Dune', year: 2021 };

let searches: unknown[];
const revoked: string[] = [];
beforeEach(() => {
  searches = [];
  revoked.length = 0;
});
const domain = localEndpointBeforeEach({
  service: 'es',
  revoked,
  routes: ['POST /films/_search'],
  integration: (echo) => {
    searches.push(JSON.parse(Buffer.from(echo.bodyBase64, 'base64').toString('utf8')));
    const hits = [{ _id: '1', _score: 1.2, _source: DUNE }];
    return { status: 200, body: { took: 3, hits: { total: { value: 1 }, hits } } };
  },
});

const start = () =>
  coldStart<Example>('opensearch-search', {
    OPENSEARCH_URL: domain.url,
    SEARCH_INDEX: 'films',
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: 'es',
  });

test('POST /<index>/_search with the query as signed JSON; hits mapped to documents', async () => {
  const { handler } = await start();

  await expect(handler({ q: 'dune' })).resolves.toEqual({ total: 1, movies: [DUNE] });
  await expect(handler({ q: 'arrival', size: 3 })).resolves.toMatchObject({ total: 1 });

  expect(searches).toEqual([
    { query: { match: { title: 'dune' } }, size: 10 },
    { query: { match: { title: 'arrival' } }, size: 3 },
  ]);
  expect(domain.requests.map(({ result }) => result.ok && result.accessKeyId)).toEqual([
    TEST_CREDENTIALS.accessKeyId,
    TEST_CREDENTIALS.accessKeyId,
  ]);
});

test('a revoked session: resolved afresh, the same keys, so not sent again; the error with its diagnosis logged', async () => {
  const { handler } = await start();
  revoked.push(TEST_CREDENTIALS.accessKeyId);

  const error = await handler({ q: 'dune' }).catch((e: unknown) => e);

  expect(error).toMatchObject({ response: { status: 403 }, diagnosis: { kind: 'invalid-token' } });
  // The package resolves credentials once more; the environment gives the same keys, and a
  // request signed with them again would only be refused again.
  expect(domain.requests).toHaveLength(1);
  expect(consoleErrors()).toMatch(/^invalid-token \(HTTP 403\)/);
});
