/**
 * examples/api-gateway-axios: the handler invoked as Lambda would, with its configuration in the
 * environment, against a local REST API that checks SigV4 and the caller's execute-api:Invoke.
 */
import { TEST_CREDENTIALS, type LocalIamEndpointOptions } from 'aws-sigv4-interceptor/testing';
import { coldStart, lambdaEnvironment, localEndpointByTest, REGION } from './support';

type Example = typeof import('../../examples/api-gateway-axios/handler');

const { consoleErrors } = lambdaEnvironment();

const ITEMS = [{ id: 1, name: 'Dune', category: 'books' }];

const [api, startEndpoint] = localEndpointByTest({
  service: 'execute-api',
  routes: ['GET /prod/items'],
  integration: (echo) => ({ status: 200, body: { items: ITEMS, query: echo.query } }),
});
async function startApi(options: LocalIamEndpointOptions): Promise<Example> {
  await startEndpoint(options);
  return coldStart<Example>('api-gateway-axios', {
    API_URL: `${api.url}/prod`,
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: 'execute-api',
  });
}

test('three invocations of one execution environment: each signed with the execution role and verified', async () => {
  const { handler } = await startApi({ authorize: ['GET /prod/items'] });

  const results = [
    await handler({ category: 'books' }),
    await handler({ category: 'films' }),
    await handler(),
  ];

  expect(results).toEqual([
    { items: ITEMS, query: [['category', 'books']] },
    { items: ITEMS, query: [['category', 'films']] },
    { items: ITEMS, query: [] },
  ]);
  expect(api.requests.map(({ result }) => result.ok && result.accessKeyId)).toEqual(
    Array(3).fill(TEST_CREDENTIALS.accessKeyId),
  );
});

test('a role without execute-api:Invoke: the handler fails and logs the policy statement to add', async () => {
  const { handler } = await startApi({ authorize: () => false });

  const error = await handler({ category: 'books' }).catch((e: unknown) => e);

  expect(error).toMatchObject({
    response: { status: 403 },
    diagnosis: { kind: 'access-denied', action: 'execute-api:Invoke' },
  });
  const resource = `arn:aws:execute-api:${REGION}:123456789012:abcde12345/prod/GET/items`;
  expect(consoleErrors()).toContain(`Resource: ${resource}`);
  expect(consoleErrors()).toContain('Policy statement:');
});

test('a missing API_URL fails the cold start with a message naming the variable', async () => {
  await expect(coldStart('api-gateway-axios', {})).rejects.toThrow(/Set API_URL/);
});
