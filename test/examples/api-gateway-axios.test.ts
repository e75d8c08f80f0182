/**
 * examples/api-gateway-axios: the handler invoked as Lambda would, with its configuration in the
 * environment, against a local REST API that checks SigV4 and the caller's execute-api:Invoke.
 */
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
} from 'aws-sigv4-interceptor/testing';
import {
  captureConsoleErrors,
  coldStart,
  guardConnections,
  lambdaEnvironment,
  REGION,
} from './support';

type Example = typeof import('../../examples/api-gateway-axios/handler');

lambdaEnvironment();
guardConnections();
const consoleErrors = captureConsoleErrors();

const ITEMS = [{ id: 1, name: 'Dune', category: 'books' }];

let api: LocalIamEndpoint;
async function startApi(options: LocalIamEndpointOptions = {}): Promise<Example> {
  api = await startLocalIamEndpoint({
    region: REGION,
    service: 'execute-api',
    routes: ['GET /prod/items'],
    integration: (echo) => ({ status: 200, body: { items: ITEMS, query: echo.query } }),
    ...options,
  });
  return coldStart<Example>('api-gateway-axios', {
    API_URL: `${api.url}/prod`,
    SIGNING_REGION: REGION,
    SIGNING_SERVICE: 'execute-api',
  });
}
afterEach(() => api?.close());

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
  expect(consoleErrors.lines.join('\n')).toContain(`Resource: ${resource}`);
  expect(consoleErrors.lines.join('\n')).toContain('Policy statement:');
});

test('a missing API_URL fails the cold start with a message naming the variable', async () => {
  await expect(coldStart('api-gateway-axios', {})).rejects.toThrow(/Set API_URL/);
});
