/**
 * Property: any request, written any way axios takes it, sent through REAL axios (the installed
 * one; the 'axios 1.6.0' jest project maps it to 1.6.0) with attachSigV4, verifies at the
 * local IAM endpoint, arrives as the caller meant it (path, query, headers, body bytes), and
 * `aws4` and botocore compute the same signature for what arrived. Seed and runs:
 * test/fuzz/support/settings.ts; counterexamples become test/fuzz/regressions.test.ts.
 */
import axios from 'axios';
import fc from 'fast-check';
import { axiosFormArbitrary } from './support/clients';
import { expectOraclesRan, useFuzzHarness } from './support/harness';
import { AXIOS_LIMITS } from './support/limits';
import { requestArbitrary } from './support/request';
import { checkThroughAxios, signedAxios } from './support/send';
import { fuzzParameters, runsFor, timeoutFor } from './support/settings';

const h = useFuzzHarness();

test(
  `axios ${axios.VERSION}: random requests verify and arrive as meant`,
  async () => {
    const api = signedAxios();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(AXIOS_LIMITS), axiosFormArbitrary, (spec, form) =>
        checkThroughAxios(h, api, spec, form),
      ),
      fuzzParameters('axios'),
    );
    expectOraclesRan(h.tally, runsFor('axios'));
  },
  timeoutFor('axios'),
);
