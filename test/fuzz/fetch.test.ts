/**
 * Property: any request, written any way fetch takes it, sent through createSignedFetch over
 * REAL fetch implementations (Node's global fetch and the undici 7 package's, injected with
 * `options.fetch`), verifies at the local IAM endpoint, arrives as the caller meant it, and `aws4`
 * and botocore compute the same signature for what arrived. Seed and runs:
 * test/fuzz/support/settings.ts; counterexamples become test/fuzz/regressions.test.ts.
 */
import fc from 'fast-check';
import { fetchFormArbitrary } from './support/clients';
import { expectOraclesRan, useFuzzHarness } from './support/harness';
import { FETCH_LIMITS } from './support/limits';
import { requestArbitrary } from './support/request';
import { checkThroughFetch, signedFetches } from './support/send';
import { fuzzParameters, runsFor, timeoutFor } from './support/settings';

const h = useFuzzHarness();

test(
  'global fetch and undici fetch: random requests verify and arrive as meant',
  async () => {
    const implementations = signedFetches();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(FETCH_LIMITS), fetchFormArbitrary, async (spec, form) => {
        for (const [, signedFetch] of implementations) {
          await checkThroughFetch(h, signedFetch, spec, form);
        }
      }),
      fuzzParameters('fetch'),
    );
    expectOraclesRan(h.tally, runsFor('fetch') * implementations.length);
  },
  timeoutFor('fetch'),
);
