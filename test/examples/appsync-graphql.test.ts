/**
 * examples/appsync-graphql: the handler's GraphQL query, signed for `appsync`, against a local
 * endpoint whose integration answers as an AppSync resolver would.
 */
import {
  TEST_CREDENTIALS,
  type IntegrationResponse,
  type VerifiedEcho,
} from 'aws-sigv4-interceptor/testing';
import { coldStart, lambdaEnvironment, localEndpointBeforeEach, REGION } from './support';

type Example = typeof import('../../examples/appsync-graphql/handler');

lambdaEnvironment();

const ITEMS: Record<string, { id: string; name: string; price: number }> = {
  '7': { id: '7', name: 'Lamp', price: 25 },
};

/** A tiny AppSync: one Query field, getItem(id), answered from ITEMS. */
function resolveGraphQL(echo: VerifiedEcho): IntegrationResponse {
  const { query, variables } = JSON.parse(Buffer.from(echo.bodyBase64, 'base64').toString('utf8'));
  if (!/query GetItem\(\$id: ID!\)/.test(query)) {
    return { status: 400, body: { errors: [{ message: 'Unknown query' }] } };
  }
  const item = ITEMS[variables.id];
  if (item) return { status: 200, body: { data: { getItem: item } } };
  const error = { errorType: 'NotFound', message: `Item ${variables.id} not found` };
  return { status: 200, body: { data: { getItem: null }, errors: [error] } };
}

const appsync = localEndpointBeforeEach({
  service: 'appsync',
  routes: ['POST /graphql'],
  integration: resolveGraphQL,
});
let handler: Example['handler'];
beforeEach(async () => {
  ({ handler } = await coldStart<Example>('appsync-graphql', {
    GRAPHQL_URL: `${appsync.url}/graphql`,
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: 'appsync',
  }));
});

test('the query is POSTed as signed JSON to /graphql and its data returned', async () => {
  await expect(handler({ id: '7' })).resolves.toEqual(ITEMS['7']);
  expect(appsync.requests).toHaveLength(1);
  expect(appsync.requests[0].result).toMatchObject({
    ok: true,
    accessKeyId: TEST_CREDENTIALS.accessKeyId,
  });
});

test('GraphQL errors arrive with HTTP 200: the handler turns them into an exception', async () => {
  await expect(handler({ id: '404' })).rejects.toThrow('GraphQL errors: Item 404 not found');
  expect(appsync.requests[0].status).toBe(200);
});
