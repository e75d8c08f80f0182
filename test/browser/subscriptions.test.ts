/**
 * examples/browser-subscriptions end to end in real headless Chromium: the page, bundled for the
 * browser from the built package, signs in through a local Cognito identity endpoint, opens the
 * browser's own WebSocket to the local IAM endpoint's AppSync emulation (which verifies the
 * signed `header` and the `start`'s authorization), and shows the `onCreateMessage` event the
 * endpoint pushes. A screenshot is left in test-artifacts/browser/.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalIamEndpoint, type LocalIamEndpoint } from 'aws-sigv4-interceptor/testing';
import { bundleExamplePage, installBuiltPackage, workFolder } from './build';
import { ARTIFACTS, chromiumAvailable, launchChromium, openPage } from './chromium';
import { REGION, startPageSignIn, type PageSignIn } from './signIn';

(chromiumAvailable() ? describe : describe.skip)(
  'the subscriptions page in headless Chromium',
  () => {
    let work: string;
    let api: LocalIamEndpoint;
    let signIn: PageSignIn;
    let browser: Awaited<ReturnType<typeof launchChromium>>;

    beforeAll(async () => {
      work = workFolder();
      await installBuiltPackage(work);
      await bundleExamplePage(work, join(work, 'page'), 'browser-subscriptions');
      signIn = await startPageSignIn(join(work, 'page'));
      api = await startLocalIamEndpoint({
        region: REGION,
        credentials: signIn.accepted,
        appsync: true,
      });
      browser = await launchChromium();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await Promise.all([api?.close(), signIn?.close()]);
      if (work) rmSync(work, { recursive: true, force: true });
    });

    test('signs in, subscribes with a signed handshake and start, shows the pushed event', async () => {
      const url = signIn.pageUrl({ apiUrl: `${api.url}/graphql`, signingRegion: REGION });
      const tab = await openPage(browser.context, url, 'body[data-state="subscribed"]');

      expect(
        api.realtime.publishGraphql({ onCreateMessage: { id: '42', text: 'Order shipped' } }),
      ).toBe(1);
      await tab.locator('#events li').waitFor({ timeout: 10_000 });
      expect(await tab.textContent('#events')).toBe('#42: Order shipped');
      mkdirSync(ARTIFACTS, { recursive: true });
      await tab.screenshot({ path: join(ARTIFACTS, 'subscriptions-page.png'), fullPage: true });

      const key = signIn.cognito.issued[0]?.accessKeyId;
      expect(await tab.textContent('#identity')).toMatch(new RegExp(`^${REGION}:`));
      expect(api.requests).toMatchObject([{ status: 101, result: { ok: true, accessKeyId: key } }]);
      expect(api.realtime.messages).toMatchObject([
        { protocol: 'graphql', type: 'start', result: { ok: true, accessKeyId: key } },
      ]);
      // One sign-in serves the connection and the start.
      expect(signIn.cognito.calls).toEqual({ GetId: 1, GetCredentialsForIdentity: 1 });
      await tab.close();
    });
  },
);
