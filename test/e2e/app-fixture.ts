import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Keychain } from '../../src/core/keychain/keychain';
import type { KeychainOpener } from '../../src/core/services';
import { createTestKeychain } from '../helpers/keychain';
import { launchChromium, openApp, serveRenderer, type AppUnderTest } from './harness';

/**
 * Registers the hooks an e2e file needs: Chromium and the renderer's server for the file, one app
 * per test over the real keychain (emptied after each), and a check that the page threw nothing.
 */
export function useAppUnderTest() {
  const keychain = createTestKeychain();
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveRenderer>> | undefined;
  let app: AppUnderTest | undefined;

  beforeAll(async () => {
    server = await serveRenderer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await keychain.clear();
  });
  afterEach(async () => {
    expect(app?.pageErrors ?? []).toEqual([]);
    if (app) expect(await accessibilityViolations(app)).toEqual([]);
    await app?.close();
    app = undefined;
    await keychain.clear();
  });

  return {
    keychain,
    /**
     * The app in a new page; `chain` replaces the keychain (an unavailable one, say, or both
     * keychains with `options.env` choosing the vault file).
     */
    async start(
      chain: Keychain | KeychainOpener = keychain,
      options: { dataDir?: string; env?: NodeJS.ProcessEnv } = {},
    ): Promise<AppUnderTest> {
      if (!browser || !server) throw new Error('start() runs inside a test');
      app = await openApp(browser, server.url, chain, options);
      // A step that cannot happen fails with its own message, well before the test's time is up.
      app.page.setDefaultTimeout(10_000);
      return app;
    },
  };
}

/**
 * axe-core's audit of the page as the test left it, light and dark: each serious or critical
 * violation as one line (rule, theme, where, why), so a failing test says what to fix.
 */
async function accessibilityViolations(a: AppUnderTest): Promise<string[]> {
  if (a.page.isClosed()) return [];
  const found: string[] = [];
  for (const theme of ['light', 'dark']) {
    await a.page.evaluate(`document.documentElement.dataset.theme = '${theme}'`);
    const { violations } = await new AxeBuilder({ page: a.page }).analyze();
    for (const violation of violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
      for (const node of violation.nodes) {
        const why = (node.failureSummary ?? '').split('\n')[1]?.trim() ?? '';
        found.push(`${violation.id} (${theme}) at ${node.target.join(' ')}: ${why}`);
      }
    }
  }
  return found;
}

/** The screenshot again with the dark theme, for a look at both. */
export async function darkScreenshot(a: AppUnderTest, name: string): Promise<void> {
  await a.page.evaluate("document.documentElement.dataset.theme = 'dark'");
  await a.screenshot(`${name}-dark`);
  await a.page.evaluate("document.documentElement.dataset.theme = 'light'");
}
