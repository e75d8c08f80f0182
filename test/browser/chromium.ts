/**
 * Headless Chromium for the page tests, as the Debian package installs it, launched through
 * playwright-core with a throwaway profile. Where it is missing the page tests are skipped with
 * one visible warning; CI sets REQUIRE_CHROMIUM, and there a missing browser is a failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './build';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots go. */
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'browser');

/** Whether Chromium is here; throws under REQUIRE_CHROMIUM when it is not. */
export function chromiumAvailable(): boolean {
  const here = existsSync(CHROMIUM);
  if (!here && process.env.REQUIRE_CHROMIUM) {
    throw new Error(`REQUIRE_CHROMIUM is set but ${CHROMIUM} is missing`);
  }
  if (!here) {
    console.warn(
      `SKIPPED: the Chromium test of the browser build needs ${CHROMIUM} (apt-get install -y chromium)`,
    );
  }
  return here;
}

/** A headless browser with a fresh profile; `close` also removes the profile. */
export async function launchChromium(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1000, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` in a new tab and waits until `ready` (a selector) matches, failing with what the
 * page logged as errors if it does not within 20 s.
 */
export async function openPage(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  tab.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await tab.goto(url);
  await tab
    .locator(ready)
    .waitFor({ timeout: 20_000 })
    .catch((error: unknown) => {
      throw new Error(`the page did not reach ${ready}: ${String(error)}\n${errors.join('\n')}`);
    });
  return tab;
}
