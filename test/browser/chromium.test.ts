/**
 * Issue 9 end to end in real headless Chromium: the example admin page (examples/browser),
 * bundled for the browser from the built package, signs in through a local Cognito identity
 * endpoint with a user-pool ID token, then calls an IAM-verifying endpoint on another origin
 * (CORS as API Gateway answers it) through the signed fetch and through axios. The page shows
 * the verified results; the test reads them from the page and from the endpoint, and leaves a
 * screenshot in test-artifacts/browser/.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { startLocalIamEndpoint, type LocalIamEndpoint } from 'aws-sigv4-interceptor/testing';
import { bundleExamplePage, installBuiltPackage, ROOT, workFolder } from './build';
import { ARTIFACTS, chromiumAvailable, launchChromium, openPage } from './chromium';
import { REGION, startPageSignIn, type PageSignIn } from './signIn';

const isNodeBuiltin = (name: string) =>
  name.startsWith('node:') || builtinModules.includes(name.split('/')[0]);

/** A header of node's flat `rawHeaders` list. */
const headerOf = (raw: string[], name: string) =>
  raw.find((_, i) => i % 2 === 1 && raw[i - 1].toLowerCase() === name);

const haveChromium = chromiumAvailable();

let work: string;
let packageDir: string;
let page: { inputs: string[] };

beforeAll(async () => {
  work = workFolder();
  packageDir = await installBuiltPackage(work);
  page = await bundleExamplePage(work, join(work, 'page'));
}, 180_000);
afterAll(() => work && rmSync(work, { recursive: true, force: true }));

describe('the browser build', () => {
  const built = (file: string) => readFileSync(join(packageDir, 'dist', file), 'utf8');

  test.each(['browser.mjs'])('%s reaches no Node built-in and no process.env', (file) => {
    const code = built(file);
    const imported = [
      ...code.matchAll(/(?:\bfrom|\bimport\s*\(|\brequire\s*\()\s*["']([^"']+)["']/g),
    ];
    expect(imported.map((match) => match[1]).filter(isNodeBuiltin)).toEqual([]);
    expect(code).not.toContain('process.env');
    expect(code).not.toMatch(/\bprocess\b/);
  });

  test('the page bundle took the browser entry, not the Node one, and no Node built-in', () => {
    const ours = page.inputs.filter((input) => input.includes('aws-sigv4-interceptor/dist/'));
    expect(ours).toEqual([expect.stringMatching(/aws-sigv4-interceptor\/dist\/browser\.mjs$/)]);
    expect(page.inputs.filter(isNodeBuiltin)).toEqual([]);
  });

  test('the built entries, run in Node: same names, WebCrypto signatures verify, redirects left to the browser, no default credentials', async () => {
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const probe = join(__dirname, 'probeBuiltEntries.ts');
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, probe, packageDir], {
      cwd: ROOT,
    });
    const seen = JSON.parse(stdout);

    expect(seen.names.browser).toEqual(seen.names.node);
    expect(seen.verifiedStatus).toBe(200);
    expect(seen.redirects).toEqual({
      browser: { fetch: 'follow', axios: {} },
      node: { fetch: 'manual', axios: { maxRedirects: 0, redirect: 'manual' } },
    });
    expect(seen.withoutCredentials).toEqual({
      name: 'SigV4CredentialsError',
      code: 'NO_CREDENTIALS',
      message: expect.stringContaining('fromCognitoIdentityPool'),
    });
    expect(seen.assumeRole).toEqual({
      name: 'SigV4OptionsError',
      code: 'INVALID_OPTIONS',
      message: expect.stringContaining('fromTemporaryCredentials'),
    });
  }, 60_000);
});

(haveChromium ? describe : describe.skip)('in headless Chromium', () => {
  let api: LocalIamEndpoint;
  let signIn: PageSignIn;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    signIn = await startPageSignIn(join(work, 'page'));
    // Another port: another origin, so every call is cross-origin with a preflight.
    api = await startLocalIamEndpoint({
      region: REGION,
      service: 'execute-api',
      credentials: signIn.accepted,
      cors: { allowOrigin: signIn.server.origin },
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([api?.close(), signIn?.close()]);
  });

  const open = (): Promise<Page> =>
    openPage(
      browser.context,
      signIn.pageUrl({
        apiUrl: `${api.url}/prod`,
        signingRegion: REGION,
        signingService: 'execute-api',
      }),
      'body[data-state="done"]',
    );

  test('signs in with Cognito, calls the API through fetch and axios, shows both verified', async () => {
    const tab = await open();
    mkdirSync(ARTIFACTS, { recursive: true });
    await tab.screenshot({ path: join(ARTIFACTS, 'admin-page.png'), fullPage: true });

    const key = signIn.cognito.issued[0]?.accessKeyId;
    expect(await tab.textContent('#identity')).toMatch(new RegExp(`^Signed in: ${REGION}:`));
    for (const id of ['#fetch-result', '#axios-result']) {
      expect(await tab.getAttribute(id, 'data-state')).toBe('ok');
      const shown = JSON.parse((await tab.textContent(id))!.replace(/^HTTP 200\n/, ''));
      expect(shown).toMatchObject({ message: 'verified', accessKeyId: key });
    }

    // One sign-in for both clients: the provider's one entry in the page-wide cache.
    expect(signIn.cognito.calls).toEqual({ GetId: 1, GetCredentialsForIdentity: 1 });
    // Only signed requests reached the API (preflights are answered unsigned and not listed).
    const calls = api.requests.map(({ raw, result, status }) => ({
      method: raw.method,
      url: raw.rawUrl,
      status,
      key: result.ok ? result.accessKeyId : result.errorType,
      origin: headerOf(raw.rawHeaders, 'origin'),
    }));
    expect(calls.sort((a, b) => a.method.localeCompare(b.method))).toEqual([
      {
        method: 'GET',
        url: '/prod/orders?status=open',
        status: 200,
        key,
        origin: signIn.server.origin,
      },
      { method: 'POST', url: '/prod/orders', status: 200, key, origin: signIn.server.origin },
    ]);
    await tab.close();
  });
});
