import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultCallbackUrl } from '../../src/shared/oauth-constants';
import { createTestKeychain } from '../helpers/keychain';
import {
  pressOnAuthorizePage,
  startOAuthProvider,
  type OAuthProvider,
} from '../helpers/oauth-provider';
import { makeDataDir } from '../helpers/services';
import { startMain, type MainUnderTest, type ShellState, type WindowState } from './main-process';

type Answer = { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };

const keychain = createTestKeychain();
const consumer = { key: 'shell-consumer', secret: 'shell-Consumer-Secret' };
let provider: OAuthProvider;
let main: MainUnderTest | undefined;

beforeAll(async () => {
  provider = await startOAuthProvider(consumer);
});
afterAll(async () => {
  await provider?.close();
});
afterEach(async () => {
  expect(main?.entries('uncaughtException')).toEqual([]);
  await main?.stop();
  main = undefined;
  await keychain.clear();
});

/** The built app, an account and a consumer for the local provider, and a login under way. */
async function loginUnderWay() {
  const app = startMain({
    env: { KEYDESK_HOME: makeDataDir(), KEYDESK_KEYCHAIN_SERVICE: keychain.service },
  });
  main = app;
  await app.waitFor('app.requestSingleInstanceLock');
  await app.send({ op: 'ready' });
  await app.waitFor('BrowserWindow.show');
  const [appWindow] = (await app.send<ShellState>({ op: 'state' })).windows;
  const invoke = (channel: string, input: unknown) =>
    app.send<Answer>({
      op: 'invoke',
      webContentsId: appWindow?.webContentsId ?? 0,
      channel,
      args: [input],
    });
  const account = await invoke('accounts:create', {
    name: 'Acme',
    apiKey: 'abcd1234',
    apiSecret: 'Shell-Secret-123',
  });
  const created = await invoke('oauth:consumers:create', {
    accountId: account.value?.id,
    consumerKey: consumer.key,
    consumerSecret: consumer.secret,
    baseUrl: provider.baseUrl,
    callbackUrl: defaultCallbackUrl,
  });
  const login = invoke('oauth:login', { consumerId: created.value?.id });
  const opened = await app.waitFor('webContents.loaded', (entry) =>
    String(entry.url).startsWith(provider.baseUrl),
  );
  const state = await app.send<ShellState>({ op: 'state' });
  const authorize = state.windows.find((w) => w.webContentsId === opened.webContentsId);
  if (!authorize) throw new Error('No authorize window');
  return { app, login, authorize, invoke };
}

const navigate = (app: MainUnderTest, window: WindowState, url: string, kind: string) =>
  app.send({ op: 'navigate', webContentsId: window.webContentsId, url, kind } as never);

const requestsTo = (app: MainUnderTest, prefix: string) =>
  app.entries('request').filter((entry) => String(entry.url).startsWith(prefix));

describe('the OAuth authorize window under the Electron stand-in', () => {
  it.each(['will-redirect', 'will-navigate'])(
    'catches the callback on %s, never requests it, stores the token and wipes the session',
    async (kind) => {
      const { app, login, authorize } = await loginUnderWay();
      expect(authorize.title).toBe(`Log in with Vonage — ${new URL(provider.baseUrl).origin}`);
      expect(authorize.options.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      });
      expect((authorize.options.webPreferences as { preload?: string }).preload).toBeUndefined();
      const partition = app.entries('session.fromPartition')[0];
      expect(partition).toMatchObject({ persistent: false, cache: false });
      expect(authorize.partition).toBe(partition?.partition);

      const { location } = await pressOnAuthorizePage(authorize.url, 'allow');
      expect(location?.startsWith(defaultCallbackUrl)).toBe(true);
      expect(await navigate(app, authorize, location ?? '', kind)).toBe('prevented');
      const answer = await login;
      expect(answer).toMatchObject({ ok: true, value: { consumerKey: consumer.key } });
      expect(requestsTo(app, defaultCallbackUrl)).toEqual([]);
      const state = await app.send<ShellState>({ op: 'state' });
      expect(state.windows.map((w) => w.webContentsId)).not.toContain(authorize.webContentsId);
      expect(app.entries('session.clearStorageData').map((e) => e.partition)).toEqual([
        partition?.partition,
      ]);
    },
  );

  it('a callback that slips past the navigation events is cancelled by the request filter', async () => {
    const { app, login, authorize } = await loginUnderWay();
    const { location } = await pressOnAuthorizePage(authorize.url, 'allow');
    // a history navigation emits no will-navigate: only the session's request filter sees it
    expect(await navigate(app, authorize, location ?? '', 'history')).toBe('cancelled');
    expect(await login).toMatchObject({ ok: true });
    expect(requestsTo(app, defaultCallbackUrl)).toEqual([]);
    expect(app.entries('request.cancelled')).toHaveLength(1);
  });

  it('stays on the provider: another origin is blocked, permissions refused', async () => {
    const { app, login, authorize } = await loginUnderWay();
    for (const kind of ['will-navigate', 'will-redirect']) {
      expect(await navigate(app, authorize, 'https://evil.example/login', kind)).toBe('prevented');
    }
    expect(requestsTo(app, 'https://evil.example')).toEqual([]);
    expect(
      await app.send({
        op: 'windowOpen',
        webContentsId: authorize.webContentsId,
        url: 'https://evil.example/',
      }),
    ).toBe('deny');
    expect(
      await app.send({
        op: 'permission',
        webContentsId: authorize.webContentsId,
        permission: 'notifications',
      }),
    ).toEqual({ requested: false, checked: false });
    await app.send({ op: 'close', windowId: authorize.id });
    await login;
  });

  it('closing the window ends the login as cancelled, stores nothing and wipes the session', async () => {
    const { app, login, authorize, invoke } = await loginUnderWay();
    await app.send({ op: 'close', windowId: authorize.id });
    expect(await login).toMatchObject({ ok: false, error: { code: 'OAUTH_CANCELLED' } });
    expect(await invoke('oauth:tokens:list', {})).toMatchObject({ ok: true, value: [] });
    expect(app.entries('session.clearStorageData')).toHaveLength(1);
    // the app window is still there and still answers
    const state = await app.send<ShellState>({ op: 'state' });
    expect(state.windows.map((w) => w.url)).toEqual([
      'app://keydesk/index.html',
      'app://keydesk/index.html#quick',
    ]);
  });

  it('a forged callback for another request token is refused and stores nothing', async () => {
    const { app, login, authorize } = await loginUnderWay();
    const forged = `${defaultCallbackUrl}?oauth_token=someone-else&oauth_verifier=forged`;
    expect(await navigate(app, authorize, forged, 'will-redirect')).toBe('prevented');
    expect(await login).toMatchObject({ ok: false, error: { code: 'OAUTH_TOKEN_MISMATCH' } });
    expect(requestsTo(app, defaultCallbackUrl)).toEqual([]);
  });
});
