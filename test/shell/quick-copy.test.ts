import { randomUUID } from 'node:crypto';
import { jwtVerify } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestKeychain } from '../helpers/keychain';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { cliRunner } from '../helpers/cli';
import { makeDataDir } from '../helpers/services';
import { startMain, startToWindow, type MainUnderTest, type ShellState } from './main-process';

/**
 * Quick copy from anywhere (issue 23), in the built main under the stand-in Electron: the global
 * shortcut opens the quick window, whose channels only it may call; a copy puts a fresh JWT on the
 * clipboard and says so in a notification; the tray lists what was copied last.
 */
const keychain = createTestKeychain();
const shortcut = 'CommandOrControl+Shift+Space';
let keys: RsaKeys;
let running: MainUnderTest | undefined;

beforeAll(() => {
  keys = makeRsaKeys();
});
afterEach(async () => {
  expect(running?.entries('uncaughtException')).toEqual([]);
  await running?.stop();
  running = undefined;
  await keychain.clear();
});

/** The app with Acme's "Voice bot" stored, and the quick window's webContents once opened. */
async function appWithApplication(env: NodeJS.ProcessEnv = {}) {
  running = startMain({
    env: { KEYDESK_HOME: makeDataDir(), KEYDESK_KEYCHAIN_SERVICE: keychain.service, ...env },
  });
  const started = await startToWindow(running);
  const { main, invoke } = started;
  const account = (
    await invoke('accounts:create', { name: 'Acme', apiKey: 'acme0001', apiSecret: 's3cret-1' })
  ).value as { id: string };
  const appId = randomUUID();
  await invoke('apps:create', {
    accountId: account.id,
    id: appId,
    name: 'Voice bot',
    key: { kind: 'pem', pem: keys.pkcs8 },
  });
  async function openQuick() {
    await main.send({ op: 'pressShortcut', accelerator: shortcut });
    // Made hidden at start, with its page loaded: the shortcut shows and focuses it.
    const state = await main.send<ShellState>({ op: 'state' });
    const quick = state.windows.find((window) => window.url.endsWith('#quick'));
    if (!quick?.visible || !quick.focused)
      throw new Error(`The quick window is not in front: ${JSON.stringify(state.windows)}`);
    return quick;
  }
  return { ...started, account, appId, openQuick };
}

const clipboardText = (main: MainUnderTest) => main.send<string>({ op: 'clipboardText' });

describe('quick copy', () => {
  it('the shortcut opens a frameless window on top; Enter there copies a JWT that verifies', async () => {
    const { main, invoke, appId, openQuick, window } = await appWithApplication();
    expect(main.entries('globalShortcut.register')).toEqual([
      { what: 'globalShortcut.register', accelerator: shortcut, ok: true },
    ]);
    const quick = await openQuick();
    expect(quick.options).toMatchObject({
      frame: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });

    // Each window reaches its own channels only.
    const fromQuick = (channel: string, input: unknown) =>
      invoke(channel, input, quick.webContentsId);
    expect((await fromQuick('accounts:list', {})).error?.message).toMatch(/Refused/);
    expect((await invoke('quick:copy', { what: 'jwt', id: appId })).error?.message).toMatch(
      /Refused/,
    );
    const index = (await fromQuick('quick:index', {})).value as {
      applications: { id: string; name: string }[];
    };
    expect(index.applications).toEqual([expect.objectContaining({ id: appId, name: 'Voice bot' })]);

    const copied = await fromQuick('quick:copy', { what: 'jwt', id: appId });
    expect(copied.ok, JSON.stringify(copied.error)).toBe(true);
    const token = await clipboardText(main);
    const { payload } = await jwtVerify(token, keys.publicKey, { algorithms: ['RS256'] });
    expect(payload.application_id).toBe(appId);
    await main.waitFor('BrowserWindow.hide', (entry) => entry.windowId === quick.id);
    const shown = await main.waitFor('Notification.show');
    expect(shown).toMatchObject({ title: 'JWT copied for Voice bot' });
    expect(String(shown.body)).toMatch(/^Account Acme; expires .* \(in 15 min\); clipboard clears/);

    const history = (await invoke('history:list', { action: 'copy' }, window.webContentsId))
      .value as { events: { summary: string; details: { what?: string } }[] };
    expect(history.events[0]).toMatchObject({
      summary: 'Copied a new JWT from quick copy',
      details: { what: 'quick' },
    });
  });

  it('the tray lists the applications copied last; a click there copies a fresh JWT', async () => {
    const { main, appId, openQuick, invoke, window } = await appWithApplication();
    expect(await main.send({ op: 'trayMenu' })).toEqual([
      'Quick copy…',
      'Open Keydesk',
      '(separator)',
      'Quit',
    ]);
    const quick = await openQuick();
    await invoke('quick:copy', { what: 'apiKey', id: appId }, quick.webContentsId);
    expect(await clipboardText(main)).toBe('acme0001');
    // An API key is not a JWT: the tray lists applications whose tokens were copied.
    await invoke(
      'clipboard:copy',
      { what: 'jwt', format: 'raw', mint: { applicationId: appId } },
      window.webContentsId,
    );
    const label = 'Copy JWT — Voice bot (Acme)';
    await expect.poll(() => main.send({ op: 'trayMenu' })).toContain(label);

    await main.send({ op: 'clickTray', label });
    await main.waitFor('Notification.show', (entry) => entry.title === 'JWT copied for Voice bot');
    const { payload } = await jwtVerify(await clipboardText(main), keys.publicKey);
    expect(payload.application_id).toBe(appId);
    const history = (await invoke('history:list', { action: 'copy' }, window.webContentsId))
      .value as { events: { summary: string }[] };
    expect(history.events[0]?.summary).toBe('Copied a new JWT from the tray menu');
  });

  it('losing the focus hides the quick window; closing the main window leaves Keydesk in the tray', async () => {
    const { main, openQuick, window } = await appWithApplication();
    const quick = await openQuick();
    await main.send({ op: 'blur', windowId: quick.id });
    await main.waitFor('BrowserWindow.hide', (entry) => entry.windowId === quick.id);
    // The page stays loaded for the next shortcut: showing it is all that is left to do.
    const again = await openQuick();
    expect(again.id).toBe(quick.id);
    expect(
      main.entries('BrowserWindow.loadURL').filter((e) => String(e.url).endsWith('#quick')),
    ).toHaveLength(1);

    await main.send({ op: 'close', windowId: window.id });
    await main.waitFor('BrowserWindow.hide', (entry) => entry.windowId === window.id);
    expect(main.entries('app.quit')).toEqual([]);
    await main.send({ op: 'clickTray', label: 'Open Keydesk' });
    const state = await main.send<ShellState>({ op: 'state' });
    expect(state.windows.find((w) => w.id === window.id)?.visible).toBe(true);
  });

  it('a shortcut another program holds is reported in the status, not lost in silence', async () => {
    const { invoke } = await appWithApplication({ KEYDESK_STANDIN_TAKEN_SHORTCUTS: shortcut });
    expect((await invoke('system:status', {})).value).toMatchObject({
      quickCopyShortcut: { accelerator: shortcut, registered: false },
    });
    await invoke('settings:update', { quickCopyShortcut: 'Ctrl+Alt+K' });
    expect((await invoke('system:status', {})).value).toMatchObject({
      quickCopyShortcut: { accelerator: 'Ctrl+Alt+K', registered: true },
    });
    await invoke('settings:update', { quickCopyShortcut: 'off' });
    expect((await invoke('system:status', {})).value).not.toHaveProperty('quickCopyShortcut');
  });

  it('a shortcut set with the CLI is applied by the running app once its window is in front', async () => {
    const dataDir = makeDataDir();
    const { main, invoke } = await appWithApplication({ KEYDESK_HOME: dataDir });
    const cli = cliRunner(dataDir, keychain.service);
    const set = cli(['settings', 'set', 'quick-copy-shortcut', 'Ctrl+Alt+J']);
    expect(set.code, set.stderr).toBe(0);
    const state = await main.send<ShellState>({ op: 'state' });
    const window = state.windows.find((w) => !w.url.endsWith('#quick'));
    if (!window) throw new Error('no main window');
    const sentBefore = main.entries('webContents.send').length;
    await main.send({ op: 'focus', windowId: window.id });
    expect(main.entries('globalShortcut.register').at(-1)).toMatchObject({
      accelerator: 'Ctrl+Alt+J',
      ok: true,
    });
    expect((await invoke('system:status', {})).value).toMatchObject({
      quickCopyShortcut: { accelerator: 'Ctrl+Alt+J', registered: true },
    });
    // The window hears what changed, on the one events channel (changes are sent together, at
    // most 100 ms after the first), and nothing when nothing did.
    const changedSince = () =>
      main
        .entries('webContents.send')
        .slice(sentBefore)
        .find((entry) => JSON.stringify(entry).includes('"changed"'));
    for (let waited = 0; !changedSince() && waited < 2_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changedSince()).toMatchObject({
      channel: 'keydesk:event',
      args: [
        expect.objectContaining({
          name: 'changed',
          topics: expect.arrayContaining(['settings']),
        }),
      ],
    });
    const quiet = main.entries('webContents.send').length;
    await main.send({ op: 'focus', windowId: window.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(main.entries('webContents.send').length).toBe(quiet);
  });
});
