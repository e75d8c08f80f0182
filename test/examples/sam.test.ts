/**
 * examples/sam/template.yaml: parsed with CloudFormation's tags and checked for what the example
 * promises (an IAM-protected API; a caller allowed exactly one method); each function bundled as
 * `sam build` does and loaded; the bundled caller run against a local API that enforces the
 * template's policy; and, in place of cfn-lint (not installable here), the checks it would make
 * that matter for this example: every reference resolves, each runtime is a Node.js CI tests and
 * the bundle targets it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalIamEndpoint, TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { parseTemplate, resourcesOfType, type TemplateResource } from './cloudFormation';
import { codeDirectoryOf, samBuild } from './samBuild';
import { lambdaEnvironment, REGION } from './support';

lambdaEnvironment();

const TEMPLATE_PATH = resolve(__dirname, '../../examples/sam/template.yaml');
const template = parseTemplate(readFileSync(TEMPLATE_PATH, 'utf8'));
const functions = resourcesOfType(template, 'AWS::Serverless::Function');
const [[apiId, api]] = resourcesOfType(template, 'AWS::Serverless::Api');
const stage = String(api.Properties?.StageName);
const caller = template.Resources.CallerFunction;

/** Every Api event of the template's functions: its API and `METHOD /stage/path`. */
const apiEvents = functions.flatMap(([, fn]) =>
  Object.values((fn.Properties?.Events ?? {}) as Record<string, TemplateResource>)
    .filter((event) => event.Type === 'Api')
    .map(({ Properties: p = {} }) => ({
      api: p.RestApiId,
      route: `${String(p.Method).toUpperCase()} /${stage}${String(p.Path)}`,
    })),
);
const apiRoutes = apiEvents.map(({ route }) => route);

/** Every statement of the caller's policies, which must all be inline policy documents. */
const callerPolicies = caller.Properties?.Policies as Array<{ Statement?: unknown[] }>;
const callerStatements = callerPolicies.flatMap(
  (policy) =>
    (policy.Statement ?? []) as Array<{ Effect: string; Action: unknown; Resource: unknown }>,
);

const ARN =
  /^arn:\$\{AWS::Partition\}:execute-api:\$\{AWS::Region\}:\$\{AWS::AccountId\}:\$\{(\w+)\}\/([^/*]+)\/([A-Z]+)(\/[^*]*)$/;

/** The route the caller's one execute-api:Invoke statement allows, as `METHOD /stage/path`. */
function allowedRoute(): string {
  const invoke = callerStatements.filter(({ Action }) =>
    JSON.stringify(Action).includes('execute-api'),
  );
  expect(invoke).toHaveLength(1);
  const [{ Effect, Action, Resource }] = invoke;
  expect([Effect, [Action].flat()]).toEqual(['Allow', ['execute-api:Invoke']]);
  const match = ARN.exec((Resource as { 'Fn::Sub': string })['Fn::Sub']);
  expect(match).not.toBeNull();
  const [, api, arnStage, method, path] = match as RegExpExecArray;
  expect([api, arnStage]).toEqual([apiId, stage]);
  return `${method} /${arnStage}${path}`;
}

test('a SAM template: one REST API whose every method requires IAM (AWS_IAM)', () => {
  expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
  expect(resourcesOfType(template, 'AWS::Serverless::Api')).toHaveLength(1);
  expect(api.Properties?.Auth).toEqual({ DefaultAuthorizer: 'AWS_IAM', InvokeRole: 'NONE' });
  expect(apiEvents).toEqual([{ api: { Ref: apiId }, route: `GET /${stage}/items` }]);
});

test("the caller's role may invoke exactly one method: the API's GET /items on its stage", () => {
  // No SAM policy template or managed policy name: everything the role may do is in sight.
  for (const policy of callerPolicies) expect(policy).toHaveProperty('Statement');
  expect(apiRoutes).toContain(allowedRoute());
  const apiUrl = (caller.Properties?.Environment as { Variables: Record<string, unknown> })
    .Variables.API_URL;
  expect(apiUrl).toEqual({
    'Fn::Sub': `https://\${${apiId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${stage}`,
  });
});

test.each(functions)('%s: esbuild metadata, and its entry point exists', (_, fn) => {
  expect(fn.Metadata?.BuildMethod).toBe('esbuild');
  const entries = (fn.Metadata?.BuildProperties as { EntryPoints: string[] }).EntryPoints;
  for (const entry of entries) {
    expect(existsSync(join(codeDirectoryOf(TEMPLATE_PATH, fn), entry))).toBe(true);
  }
});

describe('bundled as sam build does', () => {
  let artifacts: string;
  beforeAll(() => void (artifacts = mkdtempSync(join(tmpdir(), 'sigv4-sam-'))));
  afterAll(() => rmSync(artifacts, { recursive: true, force: true }));

  const load = async (id: string, variables: Record<string, string> = {}) => {
    const built = await samBuild(TEMPLATE_PATH, template.Resources[id], join(artifacts, id));
    Object.assign(process.env, variables);
    let handler: unknown;
    await jest.isolateModulesAsync(async () => {
      const bundle = (await import(built.modulePath)) as Record<string, unknown>;
      handler = bundle[built.exportName];
    });
    expect(typeof handler).toBe('function');
    return handler as (event: unknown) => Promise<unknown>;
  };

  test('the backend answers a proxy event with the items of a category and the caller', async () => {
    const handler = await load('ItemsFunction');
    const event = {
      queryStringParameters: { category: 'films' },
      requestContext: { identity: { userArn: 'arn:aws:sts::123456789012:assumed-role/r/s' } },
    };
    const answer = (await handler(event)) as { statusCode: number; body: string };
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      items: [{ id: 2, name: 'Arrival', category: 'films' }],
      caller: 'arn:aws:sts::123456789012:assumed-role/r/s',
    });
  });

  test("the caller's bundle takes @smithy/*'s ES modules (MainFields: module,main), which tree-shake", async () => {
    const built = await samBuild(TEMPLATE_PATH, caller, join(artifacts, 'main-fields'));
    const smithy = built.inputs.filter((file) => file.includes('node_modules/@smithy/'));
    expect(smithy.length).toBeGreaterThan(0);
    expect(smithy.filter((file) => file.includes('/dist-cjs/'))).toEqual([]);
  });

  test("the caller's bundle calls an API that allows only the template's one method", async () => {
    const local = await startLocalIamEndpoint({
      region: REGION,
      routes: apiRoutes,
      authorize: [allowedRoute()],
      integration: (echo) => ({ status: 200, body: { items: [], query: echo.query } }),
    });
    try {
      const handler = await load('CallerFunction', {
        API_URL: `${local.url}/${stage}`, // the template's API_URL names the deployed API
        SIGNING_REGION: REGION,
        SIGNING_SERVICE: 'execute-api',
      });
      await expect(handler({ category: 'books' })).resolves.toEqual({
        items: [],
        query: [['category', 'books']],
      });
      expect(local.requests[0].result).toMatchObject({
        ok: true,
        accessKeyId: TEST_CREDENTIALS.accessKeyId,
      });
    } finally {
      await local.close();
    }
  });
});

/** Every `Ref`, `Fn::GetAtt` and `${Name}` of `Fn::Sub` in a template value. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (typeof value !== 'object' || value === null) return [];
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([key, inner]) => {
    if (key === 'Ref' && typeof inner === 'string') return [inner];
    if (key === 'Fn::GetAtt' && Array.isArray(inner)) return [String(inner[0])];
    if (key === 'Fn::Sub' && typeof inner === 'string') {
      return [...inner.matchAll(/\$\{([^!}][^}]*)\}/g)].map((m) => m[1].split('.')[0]);
    }
    return referencesIn(inner);
  });
}

/** Names CloudFormation defines in every template (pseudo parameters). */
const PSEUDO = [
  'AWS::AccountId',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackName',
  'AWS::URLSuffix',
];

test('every Ref, GetAtt and ${...} of the template names one of its resources or a pseudo parameter', () => {
  const known = new Set([...Object.keys(template.Resources), ...PSEUDO]);
  const sections = [template.Globals, template.Resources, template.Outputs];
  const unknown = referencesIn(sections).filter((name) => !known.has(name));
  expect(referencesIn(sections).length).toBeGreaterThan(3);
  expect(unknown).toEqual([]);
});

test.each(functions)(
  '%s: a Lambda Node.js runtime CI tests, bundled for that same Node.js',
  (_, fn) => {
    const runtime = String(fn.Properties?.Runtime ?? template.Globals?.Function?.Runtime);
    const version = /^nodejs(\d+)\.x$/.exec(runtime)?.[1];
    expect(['20', '22', '24']).toContain(version);
    const target = (fn.Metadata?.BuildProperties as { Target?: string }).Target;
    expect(target).toBe(`node${version}`);
    expect(String(fn.Properties?.Handler)).toMatch(/^[\w/-]+\.\w+$/);
  },
);
