import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';
import {
  contentSecurityPolicy,
  devServerContentSecurityPolicy,
} from '../../src/shared/content-security-policy';
import { createTestKeychain } from '../helpers/keychain';
import { launchChromium, openApp } from './harness';

/**
 * `npm run dev` shows the renderer from Vite's dev server, whose page carries an inline
 * react-refresh preamble: the dev policy (meta tag from the config's plugin, header from main)
 * must let it run, and the production policy must not.
 */
const keychain = createTestKeychain();
let browser: Browser;
let server: ViteDevServer;
let url: string;

beforeAll(async () => {
  const renderer = (config as { renderer: Record<string, unknown> }).renderer;
  server = await createServer({
    ...renderer,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, hmr: true },
  });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? '';
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await keychain.clear();
});

describe('npm run dev', () => {
  it('the dev server page runs under the dev policy, with its meta tag and the header main sends', async () => {
    const html = (await (await fetch(url)).text()).replaceAll('&#39;', "'");
    // first in <head>: a meta policy applies only to what comes after it
    const firstTag = /<head>\s*(<[^>]+>)/.exec(html)?.[1] ?? '';
    expect(firstTag).toContain(`content="${devServerContentSecurityPolicy}"`);
    const app = await openApp(browser, url, keychain, {
      cspHeader: devServerContentSecurityPolicy,
    });
    const violations: string[] = [];
    app.page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await app.page.getByRole('button', { name: 'Add account' }).first().waitFor();
    expect(violations).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('the production policy would block it (what the relaxation is for)', async () => {
    const app = await openApp(browser, url, keychain, { cspHeader: contentSecurityPolicy });
    const violations: string[] = [];
    app.page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await app.page.reload();
    await expect
      .poll(() => violations.length + app.pageErrors.length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await app.page.getByRole('button', { name: 'Add account' }).count()).toBe(0);
    await app.close();
  });
});
