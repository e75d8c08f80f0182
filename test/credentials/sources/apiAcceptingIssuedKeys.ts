/**
 * The API every credential-source test signs its requests for: a local IAM endpoint, fresh before
 * each test and closed after it, that accepts only the identities in the test's `accepted()` list.
 * The test's credential service is started with `registerWith: accepted()`, so a request verifies
 * only with keys the SDK's provider really obtained from that service (or with `trusted`).
 */
import {
  startLocalIamEndpoint,
  type LocalIamEndpoint,
  type TestIdentity,
} from 'aws-sigv4-interceptor/testing';
import { startedBeforeEach } from '../../support/startedServers';

/** `trusted`: identities the API accepts from the start (copied for each test). */
export function apiAcceptingIssuedKeys(trusted: readonly TestIdentity[] = []): {
  /** The running test's API. */
  readonly api: LocalIamEndpoint;
  /** The running test's list of accepted identities, for `registerWith` (and `callers`). */
  accepted(): TestIdentity[];
} {
  let accepted: TestIdentity[] = [];
  const api = startedBeforeEach(() => {
    accepted = trusted.map((identity) => ({ ...identity }));
    return startLocalIamEndpoint({ credentials: accepted });
  });
  return { api, accepted: () => accepted };
}
