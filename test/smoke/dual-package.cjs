/**
 * Packaging, verified on the built package (not the sources): `require()` and `import()` of
 * each entry point expose the same names, importing has no side effect (axios and the AWS SDK
 * stay unloaded), and the built signer works against the built local endpoint through both
 * module systems. Run after `npm run build`; prints `N passed, M failed`.
 */
/* global AbortController, setInterval, clearInterval, setTimeout -- Node's own */
const assert = require('node:assert/strict');

const { axiosEntriesLoaded } = require('./axiosGraphs.cjs');
const { check, summary } = require('./check.cjs');

const loaded = (name) =>
  Object.keys(require.cache).some((file) => file.includes(`/node_modules/${name}/`));

async function signedRoundTrip(api, testing, label) {
  const endpoint = await testing.startLocalIamEndpoint({
    region: 'eu-west-1',
    service: 'execute-api',
  });
  try {
    const signedFetch = api.createSignedFetch({
      region: 'eu-west-1',
      service: 'execute-api',
      credentials: testing.TEST_CREDENTIALS,
    });
    const response = await signedFetch(`${endpoint.url}/prod/${label}?q=1`, {
      method: 'POST',
      body: label,
    });
    assert.equal(response.status, 200, await response.text());
  } finally {
    await endpoint.close();
  }
}

async function axiosRoundTrip(api, testing, axios, label) {
  const endpoint = await testing.startLocalIamEndpoint({
    region: 'eu-west-1',
    service: 'execute-api',
  });
  try {
    const instance = axios.create({ baseURL: `${endpoint.url}/prod`, validateStatus: () => true });
    api.attachSigV4(instance, {
      region: 'eu-west-1',
      service: 'execute-api',
      credentials: testing.TEST_CREDENTIALS,
    });
    const response = await instance.post(`/${label}`, { label }, { params: { q: 'a b' } });
    assert.equal(response.status, 200, JSON.stringify(response.data));
  } finally {
    await endpoint.close();
  }
}

/**
 * A call the CommonJS build ends itself, before anything is sent (credentials that never come):
 * with axios's errors, which must be the caller's axios's classes.
 */
async function endedEarly(api, axios, config) {
  const instance = axios.create({ baseURL: 'https://abc123.execute-api.eu-west-1.amazonaws.com' });
  api.attachSigV4(instance, { credentials: () => new Promise(() => undefined) });
  const holdOpen = setInterval(() => undefined, 1000); // the pending provider holds nothing
  try {
    return await instance.get('/prod/x', config).catch((error) => error);
  } finally {
    clearInterval(holdOpen);
  }
}

/** Both builds installed one over the other: the marks are shared, so one signature, and back. */
async function installedByBoth(cjs, esm, testing) {
  const endpoint = await testing.startLocalIamEndpoint({ region: 'eu-west-1' });
  const original = globalThis.fetch;
  const signings = [];
  const options = (label) => ({
    region: 'eu-west-1',
    service: 'execute-api',
    credentials: testing.TEST_CREDENTIALS,
    hosts: ['127.0.0.1'],
    debug: { debug: (message) => /signed$/.test(message) && signings.push(`${label} ${message}`) },
  });
  try {
    const restoreCjs = cjs.installSignedFetch(options('cjs'));
    const restoreEsm = esm.installSignedFetch(options('esm'));
    const response = await globalThis.fetch(`${endpoint.url}/prod/both`);
    assert.equal(response.status, 200, await response.text());
    assert.deepEqual(signings, ['esm aws-sigv4-interceptor: signed']);
    restoreCjs();
    restoreEsm();
    assert.equal(globalThis.fetch, original);
  } finally {
    globalThis.fetch = original;
    await endpoint.close();
  }
}

async function main() {
  const cjs = require('aws-sigv4-interceptor');
  const cjsTesting = require('aws-sigv4-interceptor/testing');
  await check('importing the package loads neither axios nor the AWS SDK', () => {
    assert.equal(loaded('axios'), false, 'axios was loaded by require()');
    assert.equal(
      loaded('@aws-sdk/credential-providers'),
      false,
      'credential providers were loaded',
    );
  });
  const esm = await import('aws-sigv4-interceptor');
  const esmTesting = await import('aws-sigv4-interceptor/testing');
  const names = (module) =>
    Object.keys(module)
      .filter((n) => n !== 'default' && n !== '__esModule')
      .sort();

  await check('require() and import() expose the same names (.)', () =>
    assert.deepEqual(names(cjs), names(esm)),
  );
  await check('require() and import() expose the same names (./testing)', () =>
    assert.deepEqual(names(cjsTesting), names(esmTesting)),
  );
  await check('the public names are the documented ones', () => {
    for (const name of [
      'createSigner',
      'createAxiosInterceptor',
      'attachSigV4',
      'createSignedFetch',
      'clearCredentialCache',
    ]) {
      assert.equal(typeof cjs[name], 'function', name);
    }
    assert.equal(typeof cjsTesting.startLocalIamEndpoint, 'function');
  });
  await check('the CJS build signs a request the CJS endpoint accepts', () =>
    signedRoundTrip(cjs, cjsTesting, 'cjs'),
  );
  await check('the ESM build signs a request the ESM endpoint accepts', () =>
    signedRoundTrip(esm, esmTesting, 'esm'),
  );
  await check('the CJS build signs axios requests (axios loaded on first use)', () =>
    axiosRoundTrip(cjs, cjsTesting, require('axios'), 'cjs'),
  );
  await check('a CommonJS process that signs axios requests has one axios: its own', () =>
    assert.deepEqual(
      axiosEntriesLoaded().map((url) => url.replace(/^.*node_modules\//, '')),
      ['axios/dist/node/axios.cjs'],
    ),
  );
  await check("the CJS build ends calls with the caller's axios error classes", async () => {
    const axios = require('axios');
    const timedOut = await endedEarly(cjs, axios, { timeout: 20 });
    assert.equal(timedOut.code, 'ECONNABORTED');
    assert.ok(timedOut instanceof axios.AxiosError, 'a timeout is an AxiosError of its axios');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const canceled = await endedEarly(cjs, axios, { signal: controller.signal });
    assert.ok(canceled instanceof axios.CanceledError, 'an abort is a CanceledError of its axios');
  });
  await check('the ESM build signs axios requests', async () =>
    axiosRoundTrip(esm, esmTesting, (await import('axios')).default, 'esm'),
  );
  await check(
    'the ESM and CJS builds share one process state: one resolution, one clear',
    async () => {
      let calls = 0;
      const provider = async () => {
        calls += 1;
        return { ...cjsTesting.TEST_CREDENTIALS };
      };
      const options = { region: 'eu-west-1', service: 'execute-api', credentials: provider };
      const request = { method: 'GET', url: 'https://api.example.com/prod/x' };
      await cjs.createSigner(options).sign(request);
      await esm.createSigner(options).sign(request);
      assert.equal(calls, 1, 'one resolution for both builds');
      cjs.clearCredentialCache();
      await esm.createSigner(options).sign(request);
      assert.equal(calls, 2, "the CJS clear cleared the ESM build's cache");
      esm.afterSnapshotRestore();
      await cjs.createSigner(options).sign(request);
      assert.equal(calls, 3, "the ESM snapshot restore dropped the CJS build's credentials");
    },
  );
  await check(
    'installSignedFetch of the CJS and the ESM build: one signature, then the original',
    () => installedByBoth(cjs, esm, cjsTesting),
  );
  await check('types are published for every entry and condition, first, and exist', () => {
    const pkg = require('../../package.json');
    const fs = require('node:fs');
    const path = require('node:path');
    /** Every `{ types, default }` target of an exports entry, however deeply conditioned. */
    const targets = (entry) =>
      typeof entry === 'string'
        ? []
        : 'default' in entry && typeof entry.default === 'string'
          ? [entry]
          : Object.values(entry).flatMap(targets);
    for (const [name, entry] of Object.entries(pkg.exports)) {
      if (name === './package.json') continue;
      const found = targets(entry);
      assert.ok(found.length > 0, `${name} has no target`);
      for (const target of found) {
        assert.equal(Object.keys(target)[0], 'types', `${name}: types must come first`);
        for (const file of Object.values(target)) {
          assert.ok(fs.existsSync(path.join(__dirname, '../..', file)), `${file} missing`);
        }
      }
    }
  });
  console.log(summary());
}

main();
