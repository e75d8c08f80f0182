/**
 * The `assumeRole` registry is bounded: a Lambda that names each invocation's role session
 * differently (100k signers) keeps at most MAX_ASSUMED_ROLES role providers, and the heap stays
 * flat. Nothing is sent: creating a signer resolves nothing.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSigner } from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { MAX_ASSUMED_ROLES } from '../../src/credentials/assumeRole';
import { processState } from '../../src/processState';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const signerFor = (sessionName: string) =>
  createSigner({
    region: 'us-east-1',
    service: 'execute-api',
    credentials: { ...TEST_CREDENTIALS },
    assumeRole: {
      roleArn: 'arn:aws:iam::210987654321:role/OrdersApiCaller',
      sessionName,
      endpoint: 'http://127.0.0.1:9',
    },
  });

test('100k signers with distinct session names: the registry and the heap stay flat', () => {
  for (let i = 0; i < 1000; i++) signerFor(`warm-${i}`);
  const before = heapAfterGc();
  for (let i = 0; i < 100_000; i++) signerFor(`invocation-${i}`);
  const growth = heapAfterGc() - before;
  expect(processState().assumedRoles.size).toBe(MAX_ASSUMED_ROLES);
  expect(growth).toBeLessThan(5 * 1024 * 1024);
});

test('the most recently used role providers stay; the oldest go first', () => {
  const first = signerFor('kept-by-use');
  for (let i = 0; i < MAX_ASSUMED_ROLES - 1; i++) signerFor(`filler-${i}`);
  signerFor('kept-by-use'); // used again: moved to the recent end
  signerFor('one-more');
  const keys = [...processState().assumedRoles.keys()].join('\n');
  expect(keys).toContain('kept-by-use');
  expect(keys).not.toContain('filler-0');
  expect(first).toBeDefined();
});
