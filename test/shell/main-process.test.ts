import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { rendererChannels } from '../../src/shared/channels';
import { contentSecurityPolicy } from '../../src/shared/content-security-policy';
import { createTestKeychain } from '../helpers/keychain';
import { makeDataDir } from '../helpers/services';
import {
  startMain,
  startToWindow,
  type MainOptions,
  type MainUnderTest,
  type ShellState,
} from './main-process';

const appPage = 'app://keydesk/index.html';
const keychain = createTestKeychain();
let running: MainUnderTest[] = [];

afterEach(async () => {
  for (const main of running) {
    expect(main.entries('uncaughtException')).toEqual([]);
    expect(main.entries('unhandledRejection')).toEqual([]);
    await main.stop();
  }
  running = [];
  await keychain.clear();
});

function launch(options: MainOptions = {}) {
  const main = startMain({
    ...options,
    env: {
      KEYDESK_HOME: makeDataDir(),
      KEYDESK_KEYCHAIN_SERVICE: keychain.service,
      ...options.env,
    },
  });
  running.push(main);
  return main;
}

/** Starts the built app to its window, as a user double-clicking it would see it. */
const started = (options: MainOptions = {}) => startToWindow(launch(options));

/** The keep-in-tray setting, as the window's Settings changes it. */
async function keepInTray(
  app: { main: MainUnderTest; window: { webContentsId: number } },
  on: boolean,
) {
  const changed = await app.main.send({
    op: 'invoke',
    webContentsId: app.window.webContentsId,
    channel: 'settings:update',
    args: [{ keepInTray: on }],
  });
  expect(changed).toMatchObject({ ok: true });
}

describe('the built main process under the Electron stand-in', () => {
  it('starts to one window that passes the security checklist, served from app:// with the CSP', async () => {
    const { main, state, window } = await started();
    // The app's window, and the quick copy window made hidden beside it (quick-copy.test.ts).
    expect(state.windows.map((w) => [w.url, w.visible])).toEqual([
      [appPage, true],
      [`${appPage}#quick`, false],
    ]);
    expect(window).toMatchObject({ url: appPage, visible: true, title: 'Keydesk' });
    for (const each of state.windows)
      expect(each.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      });
    const { preload } = window.options.webPreferences as { preload: string };
    expect(existsSync(preload) && preload.endsWith(join('out', 'preload', 'index.cjs'))).toBe(true);
    expect(existsSync(window.options.icon as string)).toBe(true);
    // registered before ready, handled after, as Electron requires
    expect(main.entries('protocol.registerSchemesAsPrivileged')[0]?.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const responses = main.entries('response');
    expect(responses.length).toBeGreaterThan(0);
    for (const response of responses) {
      expect(response.headers).toMatchObject({
        'content-security-policy': [contentSecurityPolicy],
      });
    }
    const menu = main.entries('Menu.setApplicationMenu')[0]?.template as { role?: string }[];
    expect(menu.map((item) => item.role ?? 'submenu')).toContain('editMenu');
    expect(
      main.entries('session.setPermissionRequestHandler').map((entry) => entry.partition),
    ).toEqual(['']);
    const permission = await main.send({
      op: 'permission',
      webContentsId: window.webContentsId,
      permission: 'media',
    });
    expect(permission).toEqual({ requested: false, checked: false });
  });

  it('serves only the built renderer: every asset with the CSP, nothing outside the folder', async () => {
    const { main } = await started();
    type Fetched = { status: number; headers: Record<string, string[]>; body: string };
    const get = (url: string) => main.send<Fetched>({ op: 'fetch', url });
    const page = await get(appPage);
    expect(page.status).toBe(200);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await get(`app://keydesk/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']?.[0]).toMatch(/javascript/);
    for (const escape of [
      'app://keydesk/../../package.json',
      'app://keydesk/%2e%2e/%2e%2e/package.json',
      'app://keydesk/..%2f..%2fpackage.json',
      'app://keydesk/assets',
      'app://elsewhere/index.html',
      'app://keydesk/missing.js',
    ]) {
      const refused = await get(escape);
      expect(refused.status, escape).toBe(404);
      expect(refused.body, escape).toBe('');
      expect(refused.headers['content-security-policy'], escape).toEqual([contentSecurityPolicy]);
    }
  });

  it("registers every renderer channel once and answers only the window's own main frame on its page", async () => {
    const { main, window, invoke } = await started();
    const channels = main.entries('ipcMain.handle').map((entry) => entry.channel);
    expect(channels.sort()).toEqual([...rendererChannels].sort());
    const status = await invoke('system:status');
    expect(status).toMatchObject({ ok: true, value: { keychain: { state: 'ok' } } });
    // invalid input is refused by the contract with the field named
    expect(await invoke('accounts:create', { name: '', apiKey: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    // a CLI-only channel has no handler at all
    await expect(invoke('apps:exportPrivateKey', { id: 'x' })).rejects.toThrow(
      "No handler registered for 'apps:exportPrivateKey'",
    );
    // a subframe of the app's own window
    const fromSubframe = await main.send({
      op: 'invoke',
      webContentsId: window.webContentsId,
      channel: 'system:status',
      args: [{}],
      subframeUrl: appPage,
    });
    expect(fromSubframe).toMatchObject({ ok: false, error: { message: /did not come from/ } });
    // another window, even one showing the app's page
    const foreign = await main.send<{ webContentsId: number }>({
      op: 'foreignWindow',
      url: appPage,
    });
    expect(await invoke('system:status', {}, foreign.webContentsId)).toMatchObject({ ok: false });
    // the app's own window once it shows another page (history navigation emits no will-navigate)
    await main.send({
      op: 'navigate',
      webContentsId: window.webContentsId,
      url: 'https://evil.example/',
      kind: 'history',
    });
    expect(await invoke('system:status')).toMatchObject({
      ok: false,
      error: { message: 'Refused: the request did not come from Keydesk.' },
    });
  });

  it('keeps the window on its page: navigation, redirects and window.open are denied', async () => {
    const { main, window } = await started();
    for (const kind of ['will-navigate', 'will-redirect'] as const) {
      const outcome = await main.send({
        op: 'navigate',
        webContentsId: window.webContentsId,
        url: 'https://evil.example/',
        kind,
      });
      expect(outcome, kind).toBe('prevented');
    }
    const open = (url: string) =>
      main.send({ op: 'windowOpen', webContentsId: window.webContentsId, url });
    expect(await open('https://dashboard.nexmo.com/applications')).toBe('deny');
    expect(await open('https://evil.example/')).toBe('deny');
    expect(await open('http://dashboard.nexmo.com/')).toBe('deny');
    expect(await open('file:///etc/passwd')).toBe('deny');
    expect(main.entries('shell.openExternal').map((entry) => entry.url)).toEqual([
      'https://dashboard.nexmo.com/applications',
    ]);
    const state = await main.send<ShellState>({ op: 'state' });
    expect(state.windows.map((w) => w.url)).toEqual([appPage, `${appPage}#quick`]);
  });

  it('says so in an error box and exits 1 on a database from a newer Keydesk, leaving it untouched', async () => {
    const home = makeDataDir();
    const file = join(home, 'keydesk.db');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    const main = launch({ env: { KEYDESK_HOME: home } });
    await main.waitFor('app.requestSingleInstanceLock');
    await main.send({ op: 'ready' }).catch(() => undefined);
    expect(await main.exited).toBe(1);
    const [box] = main.entries('dialog.showErrorBox');
    expect(box).toMatchObject({ title: 'Keydesk cannot start' });
    expect(box?.content).toMatch(/newer Keydesk/);
    expect(main.entries('BrowserWindow.new')).toEqual([]);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });

  it('resolves a relative KEYDESK_HOME from the working folder instead of crashing', async () => {
    const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'keydesk-cwd-')));
    const { main } = await started({ cwd, env: { KEYDESK_HOME: 'vault-here' } });
    expect(main.entries('app.setPath')[0]).toMatchObject({
      name: 'userData',
      path: join(cwd, 'vault-here'),
    });
    expect(existsSync(join(cwd, 'vault-here', 'keydesk.db'))).toBe(true);
  });

  it('clears a copied secret before quitting, waiting for the asynchronous clipboard', async () => {
    const { main, invoke } = await started();
    const created = await invoke('accounts:create', {
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 'Quit-Secret-123',
    });
    const accountId = (created.value as { id: string }).id;
    const copied = await invoke('clipboard:copy', { what: 'apiSecret', accountId });
    expect(copied).toMatchObject({ ok: true, value: { clearsAt: expect.any(String) } });
    expect((await main.send<ShellState>({ op: 'state' })).clipboard).toBe('Quit-Secret-123'.length);
    await main.send({ op: 'quit' });
    expect(await main.exited).toBe(0);
    const order = main.journal().map((entry) => entry.what);
    const written = order.findIndex((what) => what.startsWith('clipboard.write'));
    const cleared = order.lastIndexOf('clipboard.clear');
    expect(written).toBeGreaterThanOrEqual(0);
    expect(cleared).toBeGreaterThan(written);
    expect(cleared).toBeLessThan(order.lastIndexOf('process.end'));
  });

  it('a second instance brings the window back: restored from the taskbar, or made again on macOS', async () => {
    const { main, window } = await started();
    await main.send({ op: 'minimize', windowId: window.id });
    await main.send({ op: 'emit', event: 'second-instance' });
    expect(main.entries('BrowserWindow.restore')).toHaveLength(1);
    expect((await main.send<ShellState>({ op: 'state' })).windows[0]).toMatchObject({
      focused: true,
      minimized: false,
    });

    const mac = await started({ platform: 'darwin' });
    await keepInTray(mac, false);
    await mac.main.send({ op: 'close', windowId: mac.window.id });
    const appWindows = async () =>
      (await mac.main.send<ShellState>({ op: 'state' })).windows.filter((w) => w.url === appPage);
    expect(await appWindows()).toEqual([]);
    expect(mac.main.entries('process.end')).toEqual([]);
    await mac.main.send({ op: 'emit', event: 'second-instance' });
    await mac.main.waitFor('BrowserWindow.show', (entry) => entry.windowId !== mac.window.id);
    const again = await appWindows();
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ url: appPage, focused: true });
    // and the new window is the one IPC answers
    const status = await mac.main.send({
      op: 'invoke',
      webContentsId: again[0]?.webContentsId ?? 0,
      channel: 'system:status',
      args: [{}],
    });
    expect(status).toMatchObject({ ok: true });
  });

  it('quits at once, opening nothing, when another Keydesk holds the single-instance lock', async () => {
    const main = launch({ secondInstance: true });
    expect(await main.exited).toBe(0);
    expect(main.entries('BrowserWindow.new')).toEqual([]);
    expect(main.entries('protocol.handle')).toEqual([]);
  });

  it('closing the last window quits on Linux when Keydesk is not kept in the tray', async () => {
    const app = await started();
    await keepInTray(app, false);
    await app.main.send({ op: 'close', windowId: app.window.id });
    expect(await app.main.exited).toBe(0);
  });

  it('shows the Vite dev server only for an unpackaged app, with the relaxed policy', async () => {
    const devUrl = 'http://127.0.0.1:9/';
    const dev = launch({ env: { ELECTRON_RENDERER_URL: devUrl } });
    await dev.waitFor('app.requestSingleInstanceLock');
    await dev.send({ op: 'ready' });
    await dev.waitFor('BrowserWindow.loadURL');
    expect(dev.entries('BrowserWindow.loadURL')[0]?.url).toBe(devUrl);

    const packaged = await started({ packaged: true, env: { ELECTRON_RENDERER_URL: devUrl } });
    expect(packaged.window.url).toBe(appPage);
    for (const response of packaged.main.entries('response')) {
      expect(response.headers).toMatchObject({
        'content-security-policy': [contentSecurityPolicy],
      });
    }
  });
});
