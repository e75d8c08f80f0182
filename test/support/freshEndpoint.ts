/**
 * A local IAM endpoint started afresh for each test, with the credential cache cleared around
 * it, and closed after the test.
 */
import { clearCredentialCache } from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
} from 'aws-sigv4-interceptor/testing';

/** Registers the hooks; `current()` is the endpoint of the running test. */
export function useFreshEndpoint(options: LocalIamEndpointOptions = { region: 'us-east-1' }): {
  current(): LocalIamEndpoint;
} {
  let endpoint: LocalIamEndpoint | undefined;
  beforeEach(async () => {
    clearCredentialCache();
    endpoint = await startLocalIamEndpoint(options);
  });
  afterEach(async () => {
    await endpoint?.close();
    endpoint = undefined;
  });
  return {
    current: () => {
      if (!endpoint) throw new Error('useFreshEndpoint: no test is running');
      return endpoint;
    },
  };
}
