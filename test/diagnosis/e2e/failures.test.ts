/**
 * Each failure the local endpoint answers genuinely, seen through both clients: the axios error
 * carries `diagnosis`, and `diagnose()` explains a fetch Response or an axios error alike.
 */
import axios, { isAxiosError } from 'axios';
import {
  attachSigV4,
  createSignedFetch,
  diagnose,
  formatDiagnosis,
  type Diagnosis,
  type SigV4Options,
} from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpointOptions,
} from 'aws-sigv4-interceptor/testing';

const SCOPE = { region: 'us-east-1', service: 'execute-api', credentials: TEST_CREDENTIALS };

/** Calls `path` through each client and returns both diagnoses. */
async function diagnosesOf(
  endpointOptions: LocalIamEndpointOptions,
  path: string,
  options: SigV4Options = SCOPE,
): Promise<{ viaFetch?: Diagnosis; viaAxios?: Diagnosis; carried?: Diagnosis }> {
  const endpoint = await startLocalIamEndpoint(endpointOptions);
  try {
    const response = await createSignedFetch(options)(`${endpoint.url}${path}`);
    const viaFetch = await diagnose(response);
    const api = axios.create();
    attachSigV4(api, options);
    const error: unknown = await api.get(`${endpoint.url}${path}`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAxiosError(error)).toBe(true);
    const carried = (error as { diagnosis?: Diagnosis }).diagnosis;
    const viaAxios = await diagnose(error as object);
    return { viaFetch, viaAxios, carried };
  } finally {
    await endpoint.close();
  }
}

const SECRETS = [TEST_CREDENTIALS.secretAccessKey, TEST_CREDENTIALS.sessionToken];

function expectSame({ viaFetch, viaAxios, carried }: Awaited<ReturnType<typeof diagnosesOf>>) {
  expect(viaFetch).toBeDefined();
  expect(viaAxios).toEqual(viaFetch);
  expect(carried).toEqual(viaFetch);
  const text = formatDiagnosis(viaFetch!) + JSON.stringify(viaFetch);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  return viaFetch!;
}

test('a policy that denies: action, resource and a policy statement to add', async () => {
  const diagnosis = expectSame(
    await diagnosesOf({ authorize: ['GET /prod/open'] }, '/prod/secret'),
  );
  expect(diagnosis.kind).toBe('access-denied');
  expect(diagnosis.action).toBe('execute-api:Invoke');
  expect(diagnosis.resource).toMatch(
    /^arn:aws:execute-api:us-east-1:\d{12}:[^/]+\/prod\/GET\/secret$/,
  );
  expect(JSON.parse(diagnosis.policyStatement!)).toMatchObject({
    Effect: 'Allow',
    Action: 'execute-api:Invoke',
    Resource: diagnosis.resource,
  });
});

test('no such route: unsigned-or-no-route', async () => {
  const diagnosis = expectSame(await diagnosesOf({ routes: ['GET /prod/items'] }, '/prod/nope'));
  expect(diagnosis.kind).toBe('unsigned-or-no-route');
});

test('a 500 after a valid signature: the lambda:InvokeFunction hint', async () => {
  const diagnosis = expectSame(
    await diagnosesOf({ failingRoutes: ['GET /prod/boom'] }, '/prod/boom'),
  );
  expect(diagnosis.kind).toBe('integration-error');
  expect(diagnosis.cause + diagnosis.fix).toMatch(/lambda:InvokeFunction/);
});

test('wrong region: the region to use', async () => {
  const diagnosis = expectSame(
    await diagnosesOf({ region: 'eu-west-1' }, '/prod/items', { ...SCOPE, region: 'us-east-1' }),
  );
  expect(diagnosis.kind).toBe('wrong-scope');
  expect(diagnosis.message).toMatch(/Credential should be scoped to a valid region/);
});

test('wrong service: the service to use', async () => {
  const diagnosis = expectSame(
    await diagnosesOf({}, '/prod/items', { ...SCOPE, service: 'lambda' }),
  );
  expect(diagnosis.kind).toBe('wrong-scope');
  expect(diagnosis.expected?.service).toBe('execute-api');
});

test('a revoked token, still refused after the one retry', async () => {
  const diagnosis = expectSame(
    await diagnosesOf({ revoked: [TEST_CREDENTIALS.accessKeyId] }, '/prod/items'),
  );
  expect(diagnosis.kind).toBe('invalid-token');
});

test('expired temporary credentials', async () => {
  const expired = { ...TEST_CREDENTIALS, expiration: new Date(Date.now() - 1000) };
  const diagnosis = expectSame(await diagnosesOf({ credentials: [expired] }, '/prod/items'));
  expect(diagnosis.kind).toBe('expired-token');
});

test('a success has no diagnosis', async () => {
  const endpoint = await startLocalIamEndpoint();
  try {
    expect(
      await diagnose(await createSignedFetch(SCOPE)(`${endpoint.url}/prod/ok`)),
    ).toBeUndefined();
  } finally {
    await endpoint.close();
  }
});
