import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeVonage, type FakeVonage } from '../helpers/fake-vonage';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy';
import { startTlsFront } from '../helpers/tls-front';
import { createTestKeychain } from '../helpers/keychain';
import { makeDataDir } from '../helpers/services';
import { startMain, startToWindow, type MainUnderTest } from './main-process';

/**
 * The app follows the system's proxy settings (issue 24): the built main asks its session's
 * resolveProxy for each URL and hands the answer to the core; HTTP_PROXY and the like win.
 */
const keychain = createTestKeychain();
let fake: FakeVonage;
/** Vonage over https (its certificate trusted), as the app meets it: the proxy sees CONNECT only. */
let front: Awaited<ReturnType<typeof startTlsFront>>;
let systemProxy: ForwardProxy;
let envProxy: ForwardProxy;
let running: MainUnderTest | undefined;

beforeAll(async () => {
  fake = await startFakeVonage();
  front = await startTlsFront(Number(new URL(fake.url).port));
  systemProxy = await startForwardProxy();
  envProxy = await startForwardProxy();
});
afterAll(async () => {
  await Promise.all([fake.close(), front.close(), systemProxy.close(), envProxy.close()]);
});
afterEach(async () => {
  expect(running?.entries('uncaughtException')).toEqual([]);
  await running?.stop();
  running = undefined;
  systemProxy.carried.length = 0;
  envProxy.carried.length = 0;
  await keychain.clear();
});

async function appWithAccount(env: NodeJS.ProcessEnv) {
  running = startMain({
    env: {
      KEYDESK_HOME: makeDataDir(),
      KEYDESK_KEYCHAIN_SERVICE: keychain.service,
      KEYDESK_VONAGE_API_HOST: front.url,
      KEYDESK_VONAGE_REST_HOST: front.url,
      NODE_EXTRA_CA_CERTS: front.caFile,
      KEYDESK_STANDIN_SYSTEM_PROXY: `PROXY 127.0.0.1:${systemProxy.port}; DIRECT`,
      ...env,
    },
  });
  const app = await startToWindow(running);
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 's3cret', balance: 3 });
  await app.invoke('accounts:create', { name: 'Acme', apiKey: 'acme0001', apiSecret: 's3cret' });
  return app;
}

describe("the app behind the system's proxy", () => {
  it('asks its session for the proxy and checks through it; settings show it', async () => {
    const { main, invoke } = await appWithAccount({});
    const route = await invoke('vonage:proxy', {});
    const host = new URL(front.url).host;
    expect(route.value).toEqual([
      { host, proxy: `127.0.0.1:${systemProxy.port}`, from: "the system's proxy settings" },
      { host, proxy: `127.0.0.1:${systemProxy.port}`, from: "the system's proxy settings" },
    ]);
    const checked = await invoke('vonage:check', { refs: ['Acme'] });
    expect(checked.value).toMatchObject([{ code: 'OK' }]);
    expect(systemProxy.carried).toEqual([
      expect.objectContaining({ method: 'CONNECT', target: host }),
    ]);
    expect(main.entries('session.resolveProxy')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ url: `${front.url}/account/get-balance`, partition: '' }),
      ]),
    );
  });

  it('lets HTTPS_PROXY and NO_PROXY win over the system', async () => {
    const { invoke } = await appWithAccount({ HTTPS_PROXY: envProxy.url });
    expect((await invoke('vonage:check', { refs: ['Acme'] })).value).toMatchObject([
      { code: 'OK' },
    ]);
    expect(envProxy.carried).toHaveLength(1);
    expect(systemProxy.carried).toEqual([]);
    await running?.stop();

    const direct = await appWithAccount({ NO_PROXY: '127.0.0.1' });
    expect((await direct.invoke('vonage:proxy', {})).value).toMatchObject([
      { proxy: null, from: null },
      { proxy: null, from: null },
    ]);
    expect((await direct.invoke('vonage:check', { refs: ['Acme'] })).value).toMatchObject([
      { code: 'OK' },
    ]);
    expect(systemProxy.carried).toEqual([]);
  });
});
