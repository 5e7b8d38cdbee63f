import { randomUUID } from 'node:crypto';
import { jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { darkScreenshot, useAppUnderTest } from './app-fixture';
import type { AppUnderTest } from './harness';

/** The quick copy window's page (issue 23) in Chromium: search, Enter, Shift+Enter, Escape. */
const { start } = useAppUnderTest();
let keys: RsaKeys;
beforeAll(() => {
  keys = makeRsaKeys();
});

async function seed(a: AppUnderTest) {
  const { ok } = contractCaller(() => a.backend.invoke);
  const acme = await ok('accounts:create', { name: 'Acme', apiKey: 'acme0001', apiSecret: 'a-1' });
  await ok('accounts:create', { name: 'Globex', apiKey: 'globex01', apiSecret: 'g-1' });
  const voice = randomUUID();
  for (const [id, name] of [
    [voice, 'Voice bot'],
    [randomUUID(), 'Video'],
  ] as const)
    await ok('apps:create', {
      accountId: acme.id,
      id,
      name,
      key: { kind: 'pem', pem: keys.pkcs8 },
    });
  return { voice };
}

/** The same page on the quick window's route, with window.close() observed (Chromium ignores it). */
async function openQuickPage(a: AppUnderTest) {
  await a.page.addInitScript({
    content: "window.close = () => document.documentElement.setAttribute('data-closed', 'yes');",
  });
  await a.page.goto(`${a.page.url().split('#')[0]}#quick`);
  await a.page.reload();
  const search = a.page.getByRole('combobox', { name: 'Search accounts and applications' });
  await search.waitFor();
  return search;
}

describe('the quick copy window', () => {
  it('finds by name, API key or id; Enter copies a JWT, Shift+Enter an API key', async () => {
    const a = await start();
    const { voice } = await seed(a);
    const search = await openQuickPage(a);
    // Typed into at once: the window exists for its search box.
    expect(await a.page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe(
      'Search accounts and applications',
    );
    await a.page.getByRole('option', { name: /Voice bot/ }).waitFor();
    // The window's own size (quickWindowOptions) for the pictures.
    await a.page.setViewportSize({ width: 640, height: 420 });
    await a.screenshot('quick-copy');
    await darkScreenshot(a, 'quick-copy');

    await search.fill('voice acme');
    await expect.poll(() => a.page.getByRole('option').count()).toBe(1);
    await search.press('Enter');
    await a.page.getByRole('status').getByText('JWT copied for Voice bot').waitFor();
    const { payload } = await jwtVerify(await a.clipboard.readText(), keys.publicKey);
    expect(payload.application_id).toBe(voice);

    await search.fill('globex01');
    await a.page.getByRole('option', { name: /Globex/ }).waitFor();
    await search.press('Shift+Enter');
    await expect.poll(() => a.clipboard.readText()).toBe('globex01');

    await search.fill(voice.slice(0, 8));
    await expect.poll(() => a.page.getByRole('option').count()).toBe(1);
    await search.press('Alt+Enter');
    await expect
      .poll(() => a.clipboard.readText())
      .toBe(`Authorization: Basic ${Buffer.from('acme0001:a-1').toString('base64')}`);

    const { ok } = contractCaller(() => a.backend.invoke);
    const history = await ok('history:list', { action: 'copy' });
    expect(history.events.map((e) => e.summary)).toEqual([
      'Copied an Authorization: Basic header from quick copy',
      'Copied the API key from quick copy',
      'Copied a new JWT from quick copy',
    ]);
  });

  it('says when nothing matches, and Escape closes the window', async () => {
    const a = await start();
    await seed(a);
    const search = await openQuickPage(a);
    await search.fill('no such customer');
    await a.page.getByText('Nothing matches.').waitFor();
    await search.press('Escape');
    await expect.poll(() => a.page.locator('html').getAttribute('data-closed')).toBe('yes');
  });
});
