import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { channels } from '../../src/shared/contract';
import { createMemoryClipboard } from '../../src/main/clipboard/clipboard-port';
import type { Keychain } from '../../src/main/keychain/keychain';
import type { Authorizer } from '../../src/main/oauth/authorizer';
import { contentSecurityPolicy } from '../../src/shared/content-security-policy';
import { openTestServices } from '../helpers/services';

const root = join(import.meta.dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
export const screenshotDir = join(root, 'test-results', 'screenshots');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves the built renderer with the app's CSP header, as the Electron shell does. */
export async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" (npm test does it first).');
  }
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(rendererDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(rendererDir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Debian's Chromium, headless, with the flags DESIGN.md lists. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.KEYDESK_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A page of the real renderer whose `window.api` goes, channel by channel, through the same
 * invoke (validation, handlers, SQLite file, keychain) as the Electron preload would. Only the
 * transport differs: a Playwright binding instead of IPC.
 */
export async function openApp(
  browser: Browser,
  url: string,
  keychain: Keychain,
  options: { dataDir?: string; authorizer?: Authorizer } = {},
) {
  const clipboard = createMemoryClipboard();
  const backend = openTestServices(keychain, { ...options, clipboard });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page: Page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Calls cross as JSON text: Playwright's own serializer took ~600 ms for a list of 1,000
  // accounts, where Electron's structured clone takes milliseconds. The contract is plain data,
  // so JSON carries it unchanged.
  await page.exposeBinding('__keydeskInvoke', async (_source, channel: string, input: string) =>
    JSON.stringify(await backend.invoke(channel as never, JSON.parse(input))),
  );
  await page.addInitScript((names: string[]) => {
    const invoke = (
      globalThis as unknown as { __keydeskInvoke: (c: string, i: string) => Promise<string> }
    ).__keydeskInvoke;
    const api: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const name of names) {
      api[name] = async (input: unknown) =>
        JSON.parse(await invoke(name, JSON.stringify(input ?? {}))) as unknown;
    }
    Object.defineProperty(globalThis, 'api', { value: Object.freeze(api) });
  }, channels as string[]);
  await page.goto(url);
  return {
    page,
    backend,
    clipboard,
    pageErrors,
    async screenshot(name: string) {
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
    },
    async close() {
      await context.close();
      backend.dispose();
    },
  };
}

export type AppUnderTest = Awaited<ReturnType<typeof openApp>>;
