/**
 * Runs the examples' handlers as Lambda does: each `coldStart` loads the handler module in a
 * fresh module registry (a new execution environment: this package, axios and the SDK loaded
 * anew), after the environment holds what Lambda sets (the execution role's keys, region,
 * function name) plus the example's own variables. Nothing else from AWS_* is visible: instance
 * metadata is disabled and the shared config files are empty, and any connection that is not to
 * loopback is refused. The environment is restored after each test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  startLocalIamEndpoint,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
} from 'aws-sigv4-interceptor/testing';
import { guardConnections } from '../support/connectionGuard';
import { startedBeforeEach, startedByTest } from '../support/startedServers';

/** The region of the function and of the APIs it calls. */
export const REGION = 'eu-west-1';

/** The function's name, as Lambda sets it in AWS_LAMBDA_FUNCTION_NAME. */
export const FUNCTION_NAME = 'orders-sync';

const EXAMPLES = resolve(__dirname, '../../examples');

/**
 * Gives every test of the file a Lambda-like environment and restores the real one after it:
 * Lambda's variables, no connection but to loopback, and console.error captured as CloudWatch
 * would keep it (`consoleErrors()`: the test's lines so far). Call once at the top of a test file.
 */
export function lambdaEnvironment(): { consoleErrors(): string } {
  lambdaVariables();
  guardConnections();
  return captureConsoleErrors();
}

/** The variables of a Lambda function and nothing else from AWS_*, for each test. */
function lambdaVariables(): void {
  let saved: NodeJS.ProcessEnv = {};
  const dir = mkdtempSync(join(tmpdir(), 'sigv4-examples-'));
  const empty = (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, '');
    return path;
  };
  const files = { config: empty('config'), credentials: empty('credentials') };
  beforeEach(() => {
    saved = { ...process.env };
    for (const name of Object.keys(process.env)) {
      if (name.startsWith('AWS_')) delete process.env[name];
    }
    Object.assign(process.env, {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: files.config,
      AWS_SHARED_CREDENTIALS_FILE: files.credentials,
      // What Lambda sets in every function's environment.
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_SESSION_TOKEN: TEST_CREDENTIALS.sessionToken,
      AWS_REGION: REGION,
      AWS_DEFAULT_REGION: REGION,
      AWS_LAMBDA_FUNCTION_NAME: FUNCTION_NAME,
    });
  });
  afterEach(() => {
    for (const name of Object.keys(process.env)) {
      if (!(name in saved)) delete process.env[name];
    }
    Object.assign(process.env, saved);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
}

/**
 * Sets the function's own variables, then loads `examples/<example>/handler.ts` in a new module
 * registry, as a cold start does. Invoke the handler it returns as often as a test needs: those
 * are warm invocations.
 */
export async function coldStart<Module>(
  example: string,
  variables: Record<string, string>,
): Promise<Module> {
  Object.assign(process.env, variables);
  let loaded: Module | undefined;
  await jest.isolateModulesAsync(async () => {
    loaded = (await import(join(EXAMPLES, example, 'handler'))) as Module;
  });
  return loaded as Module;
}

/** Captures what the code under test writes to console.error, silently, test by test. */
function captureConsoleErrors(): { consoleErrors(): string } {
  const lines: string[] = [];
  let spy: jest.SpyInstance | undefined;
  beforeEach(() => {
    lines.length = 0;
    spy = jest
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  });
  afterEach(() => spy?.mockRestore());
  return { consoleErrors: () => lines.join('\n') };
}

/**
 * The API the function calls, fresh for each test: a local IAM endpoint in the function's region
 * (`options` as a function when they hold what each test creates anew).
 */
export const localEndpointBeforeEach = (
  options: LocalIamEndpointOptions | (() => LocalIamEndpointOptions),
): LocalIamEndpoint =>
  startedBeforeEach(() =>
    startLocalIamEndpoint({
      region: REGION,
      ...(typeof options === 'function' ? options() : options),
    }),
  );

/**
 * The same, started by the test itself with `defaults` and the test's own options (`start`), for
 * suites whose tests change how the API answers.
 */
export const localEndpointByTest = (defaults: LocalIamEndpointOptions = {}) =>
  startedByTest((options: LocalIamEndpointOptions = {}) =>
    startLocalIamEndpoint({ region: REGION, ...defaults, ...options }),
  );
