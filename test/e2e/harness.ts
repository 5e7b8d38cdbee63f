import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RendererChannel } from '../../src/shared/api';
import { mayCall } from '../../src/shared/channels';
import { createMemoryClipboard } from '../../src/core/clipboard/clipboard-port';
import type { Keychain } from '../../src/core/keychain/keychain';
import type { KeychainOpener } from '../../src/core/services';
import type { Authorizer } from '../../src/core/oauth/authorizer';
import type { CallContext, Confirmation } from '../../src/core/handlers/handler-types';
import { contentSecurityPolicy } from '../../src/shared/content-security-policy';
import { windowEventChannel, windowEvents, type WindowEvent } from '../../src/shared/events';
import {
  appHost,
  appScheme,
  createRendererProtocolHandler,
} from '../../src/main/electron/renderer-protocol';
import { assertFreshBuild } from '../helpers/built';
import { openTestServices } from '../helpers/services';
import { preloadWrapperParameters, readBuiltPreload } from '../shell/sandboxed-preload';

const root = join(import.meta.dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
export const screenshotDir = join(root, 'test-results', 'screenshots');

/**
 * Serves the built renderer over loopback HTTP through the shell's own app:// handler, so the
 * pages get exactly what the app serves (the CSP header, the content types, the path rules).
 */
export async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" (npm test does it first).');
  }
  assertFreshBuild();
  const handle = createRendererProtocolHandler(rendererDir, contentSecurityPolicy);
  const server: Server = createServer((request, response) => {
    void handle(new Request(new URL(request.url ?? '/', `${appScheme}://${appHost}/`))).then(
      async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
      },
    );
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
 * What `ipcRenderer.invoke` gives back in Electron: the handler's value structured-cloned. A
 * function (or anything else the algorithm refuses) fails the call as Electron fails it; a class
 * instance would arrive as a plain object without its methods, which the contract never intends,
 * so the harness counts it as a violation and the test fails.
 */
export function cloneAsIpc(channel: string, value: unknown): unknown {
  const path: string[] = [];
  const visit = (item: unknown): void => {
    if (item === null || typeof item !== 'object') return;
    const proto = Object.getPrototypeOf(item) as object | null;
    if (Array.isArray(item)) {
      item.forEach((entry, index) => {
        path.push(String(index));
        visit(entry);
        path.pop();
      });
      return;
    }
    if (proto !== Object.prototype && proto !== null) {
      throw new Error(
        `${channel} answered a class instance (${item.constructor.name}) at ${path.join('.') || 'the top'}: IPC would strip its prototype.`,
      );
    }
    for (const [key, entry] of Object.entries(item)) {
      path.push(key);
      visit(entry);
      path.pop();
    }
  };
  try {
    const cloned = structuredClone(value);
    visit(value);
    return cloned;
  } catch (error) {
    throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, {
      cause: error,
    });
  }
}

/**
 * Runs in every page before its scripts: the built preload under the sandboxed-preload rules
 * (sandboxed-preload.ts), with an `electron` whose `ipcRenderer.invoke` crosses to main over the
 * Playwright binding. Only the main frame gets it, as Electron gives a preload only to the top
 * frame unless nodeIntegrationInSubFrames is on.
 */
function sandboxedPreloadScript(preloadSource: string): string {
  return `(() => {
  if (window !== window.top) return;
  const binding = globalThis.__keydeskIpc;
  try { delete globalThis.__keydeskIpc; } catch {}
  const listeners = new Map();
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const reply = JSON.parse(await binding(channel, JSON.stringify(structuredClone(args))));
      if ('error' in reply) throw new Error(reply.error);
      return reply.value;
    },
    on(channel, fn) { listeners.set(channel, [...(listeners.get(channel) ?? []), fn]); return this; },
    removeListener(channel, fn) { listeners.set(channel, (listeners.get(channel) ?? []).filter((f) => f !== fn)); return this; },
  };
  // What main's webContents.send delivers: Electron's IPC event first, then the payload.
  Object.defineProperty(globalThis, '__keydeskSend', {
    value: (channel, json) => { for (const fn of listeners.get(channel) ?? []) fn({ sender: {} }, JSON.parse(json)); },
  });
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object');
      const copy = {};
      for (const [name, value] of Object.entries(api)) {
        copy[name] = typeof value === 'function' ? (...args) => value(...args) : structuredClone(value);
      }
      Object.defineProperty(window, key, { value: Object.freeze(copy), enumerable: true });
    },
  };
  const electron = { contextBridge, ipcRenderer, crashReporter: {}, nativeImage: {}, webFrame: {}, webUtils: {} };
  class EventEmitter {
    #listeners = new Map();
    on(name, fn) { this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), fn]); return this; }
    off(name, fn) { this.#listeners.set(name, (this.#listeners.get(name) ?? []).filter((f) => f !== fn)); return this; }
    emit(name, ...args) { for (const fn of this.#listeners.get(name) ?? []) fn(...args); return true; }
  }
  const builtins = {
    electron,
    events: { EventEmitter },
    timers: { setTimeout, clearTimeout, setInterval, clearInterval },
    url: { URL, URLSearchParams },
  };
  const sandboxRequire = (name) => {
    if (!Object.hasOwn(builtins, name)) throw new Error('module not found: ' + name);
    return builtins[name];
  };
  const process = { type: 'renderer', sandboxed: true, contextIsolated: true, env: {} };
  const module = { exports: {} };
  (function (${preloadWrapperParameters.join(', ')}) {
${preloadSource}
  })(sandboxRequire, process, undefined, globalThis, (fn) => setTimeout(fn, 0), clearTimeout, module.exports, module);
})();`;
}

/**
 * A page of the real renderer with the real built preload: `window.api` is whatever that preload
 * exposes, and each call goes to main (the same invoke as the app: validation, handlers, SQLite
 * file, keychain). Main answers only the renderer's channels, as the shell registers only those;
 * results are cloned as IPC clones them. Only the transport differs: a Playwright binding.
 */
export async function openApp(
  browser: Browser,
  url: string,
  keychain: Keychain | KeychainOpener,
  options: {
    dataDir?: string;
    /** What main reads from its environment (KEYDESK_KEYCHAIN=file, say). */
    env?: NodeJS.ProcessEnv;
    authorizer?: Authorizer;
    /** The CSP main adds to every response of a page it did not serve itself (the dev server). */
    cspHeader?: string;
  } = {},
) {
  const { cspHeader, ...serviceOptions } = options;
  // Main's native confirmation (native-confirm.ts), answered by the test: yes unless told.
  const confirmations: Confirmation[] = [];
  const dialogAnswers: boolean[] = [];
  // Main's forwarding of window events (main/index.ts), into the page's preload.
  const opened: { page?: Page } = {};
  const toWindow = (event: WindowEvent) =>
    void opened.page
      ?.evaluate(
        ([channel, json]) =>
          (
            globalThis as unknown as { __keydeskSend?: (c: string, j: string) => void }
          ).__keydeskSend?.(channel, json),
        [windowEventChannel, JSON.stringify(event)] as const,
      )
      .catch(() => undefined);
  const callContext: CallContext = {
    confirm: async (question) => {
      confirmations.push(question);
      return dialogAnswers.shift() ?? true;
    },
    progress: (done, total) => toWindow({ name: 'progress', done, total }),
  };
  const clipboard = createMemoryClipboard();
  const backend = openTestServices(keychain, { ...serviceOptions, clipboard });
  backend.services.events.on((event) => {
    if ((windowEvents as readonly string[]).includes(event.name)) toWindow(event as WindowEvent);
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (cspHeader) {
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': cspHeader },
      });
    });
  }
  const page = await context.newPage();
  opened.page = page;
  const pageErrors: string[] = [];
  const ipcViolations: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Calls cross as JSON text: Playwright's own serializer took ~600 ms for a list of 1,000
  // accounts, where Electron's structured clone takes milliseconds. The values are structured-
  // cloned on each side first, so what JSON carries is what IPC would have delivered.
  await page.exposeBinding('__keydeskIpc', async (_source, channel: string, argsJson: string) => {
    if (!mayCall('renderer', channel)) {
      return JSON.stringify({
        error: `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      });
    }
    const [input] = JSON.parse(argsJson) as unknown[];
    try {
      return JSON.stringify({
        value: cloneAsIpc(
          channel,
          await backend.invoke(channel as RendererChannel, input, callContext),
        ),
      });
    } catch (error) {
      ipcViolations.push((error as Error).message);
      return JSON.stringify({ error: (error as Error).message });
    }
  });
  await page.addInitScript({ content: sandboxedPreloadScript(readBuiltPreload()) });
  await page.goto(url);
  return {
    page,
    backend,
    clipboard,
    pageErrors,
    /** What main asked the person to confirm, in its own dialog. */
    confirmations,
    /** The person's answers to main's next confirmations (yes when none is left). */
    answerConfirmations: (...answers: boolean[]) => dialogAnswers.push(...answers),
    async screenshot(name: string) {
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
    },
    /** Calls whose answer IPC could not have carried; checked again when the page closes. */
    ipcViolations,
    async close() {
      await context.close();
      backend.dispose();
      if (ipcViolations.length > 0) throw new Error(ipcViolations.join('\n'));
    },
  };
}

export type AppUnderTest = Awaited<ReturnType<typeof openApp>>;
