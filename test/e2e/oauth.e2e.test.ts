import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestKeychain } from '../helpers/keychain';
import { startOAuthProvider, type OAuthProvider } from '../helpers/oauth-provider';
import { launchChromium, openApp, serveRenderer, type AppUnderTest } from './harness';
import { createPlaywrightAuthorizer } from './playwright-authorizer';

const keychain = createTestKeychain();
const consumer = { key: 'e2e-consumer', secret: 'e2e-Consumer-Secret' };
let browser: Browser;
let server: Awaited<ReturnType<typeof serveRenderer>>;
let provider: OAuthProvider;
let app: AppUnderTest | undefined;
let windows: ReturnType<typeof createPlaywrightAuthorizer>;

beforeAll(async () => {
  server = await serveRenderer();
  browser = await launchChromium();
  provider = await startOAuthProvider(consumer);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await provider?.close();
  await keychain.clear();
});
beforeEach(async () => {
  provider.state.mode = 'ok';
  windows = createPlaywrightAuthorizer(browser);
  app = await openApp(browser, server.url, keychain, { authorizer: windows.authorizer });
  const { page } = app;
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await page.getByLabel('Name').fill('Acme Corp');
  await page.getByLabel('API key').fill('abcd1234');
  await page.getByLabel('API secret').fill('e2e-Secret-123');
  await page.getByRole('button', { name: 'Save account' }).click();
  await page.getByRole('button', { name: 'Add OAuth consumer' }).click();
  await page.getByLabel('Consumer key').fill(consumer.key);
  await page.getByLabel('Consumer secret').fill(consumer.secret);
  await page.getByLabel('Endpoint base URL').fill(provider.baseUrl);
  await page.getByRole('button', { name: 'Save consumer' }).click();
  await page.getByRole('button', { name: 'Log in with Vonage' }).waitFor();
});
afterEach(async () => {
  expect(app?.pageErrors ?? []).toEqual([]);
  await app?.close();
  app = undefined;
  await keychain.clear();
});

const tokenRows = (a: AppUnderTest) =>
  (a.backend.services.db.prepare('SELECT count(*) AS n FROM oauth_tokens').get() as { n: number })
    .n;

describe('OAuth 1.0a login in Chromium', () => {
  it('logs in through the authorize page, then a signed request to the protected resource succeeds', async () => {
    const a = app as AppUnderTest;
    const { page } = a;
    await page.getByRole('button', { name: 'Log in with Vonage' }).click();
    const authorizeWindow = await windows.nextWindow();
    await authorizeWindow.getByRole('heading', { name: /Allow Keydesk/ }).waitFor();
    await authorizeWindow.getByRole('button', { name: 'Authorize' }).click();
    await page.getByText(/Logged in: access token ".+" stored in the keychain\./).waitFor();
    await page.getByTestId('oauth-tokens').getByRole('button', { name: 'Forget' }).waitFor();
    expect(tokenRows(a)).toBe(1);
    // The panel's first button shows whole below the topbar, not cut off by the scrolled pane.
    const login = page.getByRole('button', { name: 'Log in with Vonage' });
    await login.focus();
    const [pane, button] = await Promise.all([
      page.locator('#content').boundingBox(),
      login.boundingBox(),
    ]);
    expect(button && pane && button.y >= pane.y + 8).toBe(true);
    await a.screenshot('09a-oauth-logged-in');

    await page.getByLabel('URL', { exact: true }).fill(provider.resourceUrl);
    await page
      .getByLabel('Parameters (name=value, one per line)')
      .fill('to=447700900000\ntext=hello world');
    await page.getByRole('button', { name: 'Send test request' }).click();
    await page.getByTestId('response').getByText('Response: HTTP 200').waitFor();
    expect(await page.getByTestId('response').innerText()).toContain('"text":"hello world"');
    expect(await page.getByTestId('signed').innerText()).toMatch(
      /Authorization: OAuth oauth_consumer_key="e2e-consumer"/,
    );
    await page.getByTestId('signed').getByRole('button', { name: 'Copy' }).first().click();
    await expect.poll(() => a.clipboard.readText()).toMatch(/^Authorization: OAuth /);
    await a.screenshot('09-oauth-signed');
  });

  it('denying on the authorize page stores nothing and says so', async () => {
    const a = app as AppUnderTest;
    await a.page.getByRole('button', { name: 'Log in with Vonage' }).click();
    await (await windows.nextWindow()).getByRole('button', { name: 'Deny' }).click();
    await a.page
      .getByTestId('oauth-error')
      .getByText('Access was denied on the authorize page; nothing was stored.')
      .waitFor();
    expect(tokenRows(a)).toBe(0);
  });

  it('closing the authorize window cancels the login cleanly', async () => {
    const a = app as AppUnderTest;
    await a.page.getByRole('button', { name: 'Log in with Vonage' }).click();
    await (await windows.nextWindow()).close();
    await a.page
      .getByTestId('oauth-error')
      .getByText('The authorize window was closed; nothing was stored.')
      .waitFor();
    expect(tokenRows(a)).toBe(0);
  });

  it.each([
    ['unauthorized', /refused the request token \(HTTP 401\): oauth_problem=consumer_key_rejected/],
    ['garbage', /not an OAuth token response .*HTTP 200, text\/html/],
  ] as const)('a provider answering %s gets its own message', async (mode, message) => {
    const a = app as AppUnderTest;
    provider.state.mode = mode;
    await a.page.getByRole('button', { name: 'Log in with Vonage' }).click();
    await a.page.getByTestId('oauth-error').getByText(message).waitFor();
    expect(tokenRows(a)).toBe(0);
  });

  it('a provider that never answers times out with the configured limit', async () => {
    const a = app as AppUnderTest;
    await a.backend.invoke('settings:update', { oauthTimeoutSeconds: 1 });
    provider.state.mode = 'hang';
    await a.page.getByRole('button', { name: 'Log in with Vonage' }).click();
    await a.page
      .getByTestId('oauth-error')
      .getByText(/did not answer the request token within 1 s/)
      .waitFor();
    expect(tokenRows(a)).toBe(0);
  });
});
