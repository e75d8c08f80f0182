/**
 * A local IAM endpoint started afresh for each test, with the credential cache cleared before
 * it, and closed after the test.
 */
import { clearCredentialCache } from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
} from 'aws-sigv4-interceptor/testing';
import { startedBeforeEach } from './startedServers';

/** Registers the hooks; the result stands for the endpoint of the running test. */
export function freshEndpoint(
  options: LocalIamEndpointOptions = { region: 'us-east-1' },
): LocalIamEndpoint {
  return startedBeforeEach(() => {
    clearCredentialCache();
    return startLocalIamEndpoint(options);
  });
}
