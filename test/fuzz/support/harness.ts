import {
  startLocalIamEndpoint,
  type LocalIamEndpoint,
  type VerifySuccess,
} from 'aws-sigv4-interceptor/testing';
import { startBotocoreOracle, type BotocoreOracle } from '../../support/botocoreOracle';
import { expectArrivedAsMeant } from './arrival';
import type { Expectation } from './expectation';
import { expectOraclesAgree, newTally, type OracleTally } from './oracles';

export interface FuzzHarness {
  /** `http://127.0.0.1:PORT` of the local IAM endpoint. */
  readonly origin: string;
  /** How many cases each oracle checked (and why aws4 sat some out). */
  readonly tally: OracleTally;
  /** What the endpoint received since the last check (or ever). */
  readonly received: LocalIamEndpoint['requests'];
  /** Sends one request and checks it: verified, arrived as meant, oracles agree. */
  check(send: () => Promise<unknown>, want: Expectation): Promise<void>;
}

/** Registers beforeAll/afterAll: the endpoint on 127.0.0.1:0 and the botocore process. */
export function useFuzzHarness(): FuzzHarness {
  let endpoint: LocalIamEndpoint | undefined;
  let botocore: BotocoreOracle | undefined;
  const tally = newTally();
  beforeAll(async () => {
    endpoint = await startLocalIamEndpoint({ region: 'us-east-1', service: 'execute-api' });
    botocore = await startBotocoreOracle();
  });
  afterAll(async () => {
    await endpoint?.close();
    await botocore?.close();
  });
  const need = () => {
    if (!endpoint) throw new Error('the fuzz harness is used before beforeAll started it');
    return endpoint;
  };
  return {
    get origin() {
      return need().url;
    },
    tally,
    get received() {
      return need().requests;
    },
    async check(send, want) {
      const { requests, url } = need();
      requests.splice(0); // one request at a time; keeps no earlier bodies alive
      await send();
      expect(requests).toHaveLength(1);
      const [received] = requests;
      await expectArrivedAsMeant(received, want);
      await expectOraclesAgree(
        received.raw,
        received.result as VerifySuccess,
        url,
        botocore,
        tally,
      );
    },
  };
}

/** What the oracles covered, for the test log and a floor that keeps them honest. */
export function expectOraclesRan(tally: OracleTally, cases: number): void {
  console.info(`oracles over ${cases} cases: ${JSON.stringify(tally)}`);
  expect(tally.aws4).toBeGreaterThan(cases * 0.3);
  // CI installs botocore and sets REQUIRE_BOTOCORE: there, a skipped oracle is a failure.
  if (tally.botocore > 0 || process.env.REQUIRE_BOTOCORE) expect(tally.botocore).toBe(cases);
}
