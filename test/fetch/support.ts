/**
 * Helpers of the global-fetch suites: the local IAM endpoint (in scope) and a recording server
 * (out of scope, same 127.0.0.1 but another port), started for each test, and the global fetch
 * put back as it was after each test, whatever the test did to it.
 */
import type { InstallSignedFetchOptions, SigV4Logger } from 'aws-sigv4-interceptor';
import {
  startLocalIamEndpoint,
  startRecordingServer,
  TEST_CREDENTIALS,
  type LocalIamEndpoint,
  type LocalIamEndpointOptions,
  type RecordingServer,
} from 'aws-sigv4-interceptor/testing';

export { headerValues } from '../../src/testing/verifier/canonical/rawHeaders';

export const REGION = 'eu-west-1';

/** More host checks than any test here makes: a signed fetch calling itself trips it at once. */
const HOST_CHECKS_PER_TEST = 200;

export interface GlobalFetchServers {
  /** The API in scope: verifies SigV4, answers the echo (or `integration`). */
  readonly endpoint: LocalIamEndpoint;
  /** Another origin, out of scope: records what reaches it. */
  readonly recorder: RecordingServer;
  /** The global fetch before the test (Node's). */
  readonly original: typeof fetch;
  /**
   * Options signing for the endpoint's `127.0.0.1:<port>` only. Their host list starts with a
   * predicate that counts host checks and throws past a bound, so that a signed fetch calling
   * itself fails the test instead of starving the event loop (and jest's own timers with it).
   */
  signing(extra?: InstallSignedFetchOptions): InstallSignedFetchOptions;
}

/** Starts both servers before each test, closes them and restores `globalThis.fetch` after it. */
export function useGlobalFetchServers(options: LocalIamEndpointOptions = {}): GlobalFetchServers {
  const state = {} as { endpoint: LocalIamEndpoint; recorder: RecordingServer };
  const original = globalThis.fetch;
  let hostChecks = 0;
  const loopTripwire = () => {
    if (++hostChecks > HOST_CHECKS_PER_TEST) throw new Error('the signed fetch is calling itself');
    return false;
  };
  beforeEach(async () => {
    hostChecks = 0;
    state.endpoint = await startLocalIamEndpoint({ region: REGION, ...options });
    state.recorder = await startRecordingServer();
  });
  afterEach(async () => {
    globalThis.fetch = original;
    await Promise.all([state.endpoint.close(), state.recorder.close()]);
  });
  return {
    get endpoint() {
      return state.endpoint;
    },
    get recorder() {
      return state.recorder;
    },
    original,
    signing: (extra = {}) => ({
      region: REGION,
      service: 'execute-api',
      credentials: TEST_CREDENTIALS,
      hosts: [loopTripwire, `127.0.0.1:${state.endpoint.port}`],
      ...extra,
    }),
  };
}

/** Debug messages that say whether a request was signed (not the credential events). */
const SIGNING_EVENT = /^aws-sigv4-interceptor: (not )?signed$/;

/** A logger that keeps the `signed` / `not signed` debug events of one signed fetch. */
export function eventLog(): SigV4Logger & { readonly events: string[] } {
  const events: string[] = [];
  return { events, debug: (message) => void (SIGNING_EVENT.test(message) && events.push(message)) };
}
