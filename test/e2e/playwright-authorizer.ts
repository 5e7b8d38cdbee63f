import type { Browser, Page } from 'playwright-core';
import { KeydeskError } from '../../src/shared/errors';
import { isCallback, readCallback, type Authorizer } from '../../src/core/oauth/authorizer';

/**
 * The authorize window of the tests: a fresh Playwright browser context per login (its own
 * in-memory storage), only the provider's origin, and the callback caught by a route that aborts
 * it, so it never goes on the network. Closing the page cancels the login, as closing the app's
 * BrowserWindow does. `nextWindow()` hands the test the page to press buttons on.
 */
export function createPlaywrightAuthorizer(browser: Browser) {
  const waiting: ((page: Page) => void)[] = [];
  const ready: Page[] = [];
  const authorizer: Authorizer = {
    async authorize({ authorizeUrl, callbackUrl, requestToken, timeoutMs }) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const providerOrigin = new URL(authorizeUrl).origin;
      let settle: (result: { url?: string; closed?: true }) => void = () => undefined;
      const outcome = new Promise<{ url?: string; closed?: true }>((resolve) => (settle = resolve));
      // Registered (and awaited) before the page loads, so the callback can never slip past it.
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (isCallback(url, callbackUrl)) {
          settle({ url });
          await route.abort();
        } else if (new URL(url).origin !== providerOrigin) {
          await route.abort();
        } else {
          await route.continue();
        }
      });
      page.on('close', () => settle({ closed: true }));
      const timer = setTimeout(() => settle({}), timeoutMs);
      await page.goto(authorizeUrl);
      const waiter = waiting.shift();
      if (waiter) waiter(page);
      else ready.push(page);
      const result = await outcome;
      clearTimeout(timer);
      await context.close().catch(() => undefined);
      if (result.closed) {
        throw new KeydeskError(
          'OAUTH_CANCELLED',
          'The authorize window was closed; nothing was stored.',
        );
      }
      if (!result.url)
        throw new KeydeskError('OAUTH_TIMEOUT', 'The authorize window was open too long.');
      return readCallback(result.url, requestToken);
    },
  };
  return {
    authorizer,
    nextWindow(): Promise<Page> {
      const page = ready.shift();
      return page ? Promise.resolve(page) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}
