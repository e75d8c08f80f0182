/**
 * @smithy/signature-v4a is an optional peer: without it, a SigV4A request fails before anything
 * is sent, with a typed error naming the package to install.
 */
jest.mock('@smithy/signature-v4a', () => {
  throw Object.assign(new Error("Cannot find module '@smithy/signature-v4a'"), {
    code: 'MODULE_NOT_FOUND',
  });
});

import { createSigner } from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';

test('SIGV4A_UNAVAILABLE names the package', async () => {
  const signer = createSigner({
    region: 'us-east-1',
    service: 's3',
    regionSet: ['*'],
    credentials: TEST_CREDENTIALS,
  });
  const error = await signer.sign({ method: 'GET', url: 'https://h.example/k' }).catch((e) => e);
  expect(error).toMatchObject({ name: 'SigV4RequestError', code: 'SIGV4A_UNAVAILABLE' });
  expect(String(error.message)).toContain('npm install @smithy/signature-v4a');
});
