import { randomUUID } from 'node:crypto';
import { parseEnv } from 'node:util';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { seedVault } from '../helpers/seed-vault';
import { darkScreenshot, useAppUnderTest } from './app-fixture';
import type { AppUnderTest } from './harness';

/** The screens a support engineer asked for (issue 13, section 5), light and dark. */
const { start } = useAppUnderTest();
let keys: RsaKeys;
beforeAll(() => {
  keys = makeRsaKeys();
});

/** An account with applications, through the contract as the app stores them. */
async function seedAccount(a: AppUnderTest, name: string, apiKey: string, appNames: string[]) {
  const { ok } = contractCaller(() => a.backend.invoke);
  const account = await ok('accounts:create', {
    name,
    apiKey,
    apiSecret: 'e2e-Secret-123',
  });
  const ids: string[] = [];
  for (const appName of appNames) {
    const id = randomUUID();
    await ok('apps:create', {
      accountId: account.id,
      id,
      name: appName,
      key: { kind: 'pem', pem: keys.pkcs8 },
    });
    ids.push(id);
  }
  return { account, ids };
}

const treeItems = (page: Page, level: 1 | 2) =>
  page.getByRole('tree').locator(`[role="treeitem"][aria-level="${level}"]`);

describe('the sidebar tree', () => {
  it('lists each account with its applications under it, from the keyboard too', async () => {
    const a = await start();
    const { page } = a;
    const acme = await seedAccount(a, 'Acme Corp', 'acme0001', ['Voice bot', 'Video']);
    await seedAccount(a, 'Globex', 'globex01', ['Messages']);
    await page.reload();
    await expect.poll(() => treeItems(page, 1).count()).toBe(2);
    expect(await treeItems(page, 2).count()).toBe(0);

    // '/' reaches the search, ↓ the tree, → opens an account, ↓ Enter opens its first application.
    await page.keyboard.press('/');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => treeItems(page, 2).count()).toBe(2);
    const first = treeItems(page, 1).first();
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Video' }).waitFor();
    const current = page.getByRole('treeitem', { name: /Video/ });
    expect(await current.getAttribute('aria-selected')).toBe('true');
    expect(await current.getAttribute('aria-current')).toBe('page');
    // ← goes back to the account, ← again collapses it.
    await page.keyboard.press('ArrowLeft');
    expect(await focusedText(page)).toContain('Acme Corp');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => treeItems(page, 2).count()).toBe(0);

    // Opening an account from elsewhere (the palette) expands it in the tree.
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command' }).fill('Messages Globex');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Messages' }).waitFor();
    await page.getByRole('treeitem', { name: /Messages/ }).waitFor();
    expect(
      await page.getByRole('treeitem', { name: /Messages/ }).getAttribute('aria-selected'),
    ).toBe('true');

    // A search by application id opens the account and shows the application that matched.
    await page.getByLabel('Search accounts').fill(acme.ids[1]?.slice(0, 30) ?? '');
    await expect.poll(() => treeItems(page, 1).count()).toBe(1);
    await expect.poll(() => page.getByRole('tree').innerText()).toContain('Video');
    expect(await page.getByRole('tree').innerText()).not.toContain('Voice bot');
    await a.screenshot('11-sidebar-tree');
    await darkScreenshot(a, '11-sidebar-tree');
  });

  it('stays windowed at 1,000 accounts and 10,000 applications', async () => {
    const a = await start();
    const { page } = a;
    await seedVault(a.backend.services, 1000, 10);
    await page.reload();
    const list = page.getByTestId('account-list');
    await expect.poll(() => list.getAttribute('data-count')).toBe('1000');
    // Open every account of the first screens: the rows drawn stay a few dozen, not 11,000.
    for (let i = 0; i < 12; i += 1) {
      await treeItems(page, 1).nth(i).locator('.chevron').click();
    }
    await expect.poll(() => treeItems(page, 2).count()).toBeGreaterThan(20);
    expect(await page.locator('[role="treeitem"]').count()).toBeLessThan(120);
    // The end of the list is reachable by scrolling, and End from the keyboard lands on it.
    await treeItems(page, 1).first().focus();
    await page.keyboard.press('End');
    await expect.poll(() => focusedText(page)).toContain('Customer 0999 Ltd');
    expect(await page.locator('[role="treeitem"]').count()).toBeLessThan(120);
  });
});

describe('the history', () => {
  it('shows twenty or more one-line events at 800 px, failures at a glance, and filters', async () => {
    const a = await start();
    const { page } = a;
    const acme = await seedAccount(a, 'Acme Corp', 'acme0001', ['Voice bot']);
    const globex = await seedAccount(a, 'Globex', 'globex01', ['Messages']);
    const day = 86_400_000;
    const now = Date.now();
    // Appended oldest first, as they happen.
    const order = Array.from({ length: 40 }, (_, i) => i).sort(
      (x, y) => (y % 4) * 10 * day + y * 1000 - ((x % 4) * 10 * day + x * 1000),
    );
    for (const i of order) {
      const mine = i % 2 === 0 ? acme : globex;
      a.backend.services.history.append({
        at: now - (i % 4) * 10 * day - i * 1000,
        action: 'mint',
        outcome: i % 7 === 3 ? 'failed' : 'ok',
        accountId: mine.account.id,
        accountName: mine.account.name,
        applicationId: mine.ids[0],
        applicationName: mine === acme ? 'Voice bot' : 'Messages',
        summary: `Minted a JWT (ttl 15 min, sub user${i}, ACL none)`,
        details: {},
        ...(i % 7 === 3
          ? { error: { code: 'KEYCHAIN_LOCKED' as const, message: 'The OS keychain is locked.' } }
          : {}),
      });
    }
    await page.reload();
    await page.getByRole('treeitem', { name: /Globex/ }).waitFor();
    await page.keyboard.press('Control+h');
    const table = page.getByTestId('history-table');
    await table.locator('tbody tr').first().waitFor();
    const rows = table.locator('tbody tr');
    // One line each (under 30 px) and wholly inside the 800 px window.
    const inView = await page.evaluate<number>(`[...document.querySelectorAll(
      '[data-testid="history-table"] tbody tr')].filter((tr) => {
        const box = tr.getBoundingClientRect();
        return box.bottom <= window.innerHeight && box.height < 30;
      }).length`);
    expect(inView).toBeGreaterThanOrEqual(20);
    const failed = table.locator('tbody tr.row--failed');
    expect(await failed.count()).toBe(6);
    expect(await failed.first().innerText()).toMatch(/Failed[\s\S]*The OS keychain is locked/);
    await a.screenshot('15-history-filters');
    await darkScreenshot(a, '15-history-filters');

    // Account, then application, then a day range: each narrows what the table shows.
    const count = () => rows.count();
    const before = await count();
    await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Globex' });
    await expect.poll(count).toBeLessThan(before);
    expect(await table.locator('tbody').innerText()).not.toContain('Acme Corp');
    const appOptions = await page.getByLabel('Application').locator('option').allInnerTexts();
    expect(appOptions).toEqual(['All applications', 'Messages']);
    await page.getByLabel('Application').selectOption({ label: 'Messages' });
    const isoDay = (ms: number) => {
      const d = new Date(ms);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    await page.getByLabel('From', { exact: true }).fill(isoDay(now - 10 * day));
    await page.getByLabel('To', { exact: true }).fill(isoDay(now - 10 * day));
    // Globex's events are the odd ones: 10 days ago for i % 4 === 1 (i = 1, 5, …, 37).
    await expect.poll(count).toBe(10);
    await page.getByLabel('To', { exact: true }).fill(isoDay(now - 30 * day));
    await page.getByRole('alert').filter({ hasText: 'The range ends before it starts' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(count).toBe(before);
  });
});

describe('the last token and the lifetime', () => {
  it('shows iat, nbf and exp as times and marks the lifetime chip in use', async () => {
    const a = await start();
    const { page } = a;
    const { account, ids } = await seedAccount(a, 'Acme Corp', 'acme0001', ['Voice bot']);
    await page.reload();
    await page.getByRole('treeitem', { name: /Acme Corp/ }).click();
    await page.getByRole('button', { name: 'Voice bot' }).click();
    await page.getByRole('heading', { name: 'Voice bot' }).waitFor();
    // Nothing typed: the settings' 15 min is the lifetime in use.
    const chip = (label: string) =>
      page
        .getByRole('group', { name: 'Lifetime presets' })
        .getByRole('button', { name: label, exact: true });
    await expect.poll(() => chip('15 min').getAttribute('class')).toContain('seg--default');
    expect(await chip('1 h').getAttribute('class')).not.toContain('seg--');
    await page.getByLabel('nbf (seconds from now)').fill('-60');
    await page.getByRole('button', { name: 'Copy JWT' }).first().click();
    const times = page.getByTestId('token-times');
    await times.waitFor();
    const text = await times.innerText();
    expect(text).toMatch(/Issued\s+iat[\s\S]*now|Issued\s+iat[\s\S]*s ago/);
    expect(text).toMatch(/Valid from\s+nbf[\s\S]*1 min ago/);
    expect(text).toMatch(/Expires\s+exp[\s\S]*in 1[45] min/);
    const claims = JSON.parse(await page.getByTestId('last-claims').innerText()) as {
      claims: { exp: number };
    };
    expect(text).toContain(String(claims.claims.exp));
    await a.screenshot('12-last-token-times');
    await darkScreenshot(a, '12-last-token-times');

    // An application default of 1 h moves the mark.
    await contractCaller(() => a.backend.invoke).ok('apps:update', {
      id: ids[0],
      jwtDefaults: { ttlSeconds: 3600 },
    });
    await page.getByRole('treeitem', { name: /Acme Corp/ }).click();
    await page.getByRole('heading', { name: account.name }).waitFor();
    await page.getByRole('button', { name: 'Voice bot' }).click();
    await expect.poll(() => chip('1 h').getAttribute('class')).toContain('seg--default');
    await chip('5 min').click();
    expect(await chip('5 min').getAttribute('class')).toContain('seg--on');
    expect(await chip('1 h').getAttribute('class')).not.toContain('seg--');
  });
});

describe('toasts', () => {
  it('stack at most three and never cover the control that raised them', async () => {
    const a = await start();
    const { page } = a;
    await seedAccount(a, 'Acme Corp', 'acme0001', ['Voice bot']);
    await page.reload();
    await page.getByRole('treeitem', { name: /Acme Corp/ }).click();
    await page.getByRole('button', { name: 'Voice bot' }).click();
    await page.getByRole('button', { name: 'Copy JWT' }).first().click();
    // The last token's copy buttons sit low on the page: the answers must go elsewhere.
    const copies = ['Copy token', 'Copy Bearer header', 'Copy curl', 'Copy export'];
    for (const label of copies) {
      const button = page.getByRole('button', { name: label, exact: true });
      await button.scrollIntoViewIfNeeded();
      await button.click();
      const toastBox = await page.getByTestId('toasts').boundingBox();
      const buttonBox = await button.boundingBox();
      expect(toastBox && buttonBox && overlaps(toastBox, buttonBox), label).toBe(false);
    }
    const toasts = page.getByTestId('toasts').locator('.toast');
    expect(await toasts.count()).toBe(3);
    // "30 s" stays on one line: the number and its unit are joined by a no-break space.
    expect(await toasts.last().innerText()).toMatch(/30\u00a0s/);
    await a.screenshot('13-toasts');
    await darkScreenshot(a, '13-toasts');
  });
});

describe('credentials for a script', () => {
  it("copies an application's variables as .env and an account's as shell exports", async () => {
    const a = await start();
    const { page } = a;
    await seedAccount(a, 'Acme Corp', 'acme0001', ['Voice bot']);
    await page.reload();
    await page.getByRole('treeitem', { name: /Acme Corp/ }).click();
    await page.getByRole('button', { name: 'Voice bot' }).click();
    await page.getByRole('button', { name: 'Copy as .env' }).click();
    await expect.poll(() => a.clipboard.readText()).toMatch(/^VONAGE_API_KEY="acme0001"$/m);
    const dotenv = parseEnv(await a.clipboard.readText());
    expect(dotenv.VONAGE_API_SECRET).toBe('e2e-Secret-123');
    expect(dotenv.VONAGE_PRIVATE_KEY?.trimEnd()).toBe(keys.pkcs8.trimEnd());
    expect(dotenv.VONAGE_JWT?.split('.')).toHaveLength(3);
    await page.getByText(/Copied the credentials of "Voice bot" as a \.env file/).waitFor();

    await page.getByRole('treeitem', { name: /Acme Corp/ }).click();
    await page.getByRole('button', { name: 'Copy as shell exports' }).click();
    await expect
      .poll(() => a.clipboard.readText())
      .toBe("export VONAGE_API_KEY='acme0001'\nexport VONAGE_API_SECRET='e2e-Secret-123'");
  });
});

describe('dialogs and shortcuts', () => {
  it('opens the shortcuts sheet with ? and the palette with Ctrl K, each trapping and returning focus', async () => {
    const a = await start();
    const { page } = a;
    await page.getByRole('button', { name: 'Add account' }).first().waitFor();
    await page.getByRole('button', { name: 'History' }).focus();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    const sheetText = await sheet.innerText();
    for (const line of ['Ctrl K', 'Ctrl H', 'Ctrl N', 'Show these shortcuts'])
      expect(sheetText).toContain(line);
    await a.screenshot('14-shortcuts');
    await darkScreenshot(a, '14-shortcuts');
    // Tab cannot leave a modal dialog; Escape closes it and the focus returns.
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
    expect(await holdsFocus(page, 'Keyboard shortcuts')).toBe(true);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(await focusedText(page)).toBe('History');

    // The topbar button opens the same sheet.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await sheet.waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await sheet.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Decode' }).focus();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
    expect(await holdsFocus(page, 'Command palette')).toBe(true);
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });
    expect(await focusedText(page)).toBe('Decode');

    // A ? typed into a field is text, not a shortcut.
    await page.keyboard.press('Control+n');
    await page.getByLabel('Name').fill('What?');
    expect(await sheet.count()).toBe(0);
  });
});

describe('settings', () => {
  it("refuses a Vonage host outside Vonage's own, saying where secrets may go and how to test elsewhere", async () => {
    const a = await start();
    const { page } = a;
    await page.getByRole('button', { name: 'Settings' }).click();
    const host = page.getByLabel('Vonage API host (checks)');
    await host.fill('https://collector.example');
    await host.blur();
    await page.getByText(/only to Vonage's own hosts/).waitFor();
    // No proxy in the tests' environment: both hosts are reached directly.
    await page
      .getByTestId('proxy-in-use')
      .getByText('Network: api.nexmo.com direct; rest.nexmo.com direct.')
      .waitFor();
    await a.screenshot('21-settings-host-refused');
    await darkScreenshot(a, '21-settings-host-refused');
    expect((await a.backend.invoke('settings:get', {})).ok).toBe(true);
    const settings = await a.backend.invoke('settings:get', {});
    expect(settings.ok && settings.value.vonageApiHost).toBe('https://api.nexmo.com');
    await host.fill('https://api-eu.vonage.com');
    await host.blur();
    await page.getByText(/only to Vonage's own hosts/).waitFor({ state: 'detached' });
  });
});

/** In-page code as text: the test's TypeScript has no DOM types. */
const focusedText = (page: Page) =>
  page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""');

const holdsFocus = (page: Page, dialogName: string) =>
  page.evaluate<boolean>(
    `[...document.querySelectorAll('dialog[open]')].some((d) =>
      (d.getAttribute('aria-label') === ${JSON.stringify(dialogName)} ||
        d.textContent.startsWith(${JSON.stringify(dialogName)})) &&
      d.contains(document.activeElement))`,
  );

function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
