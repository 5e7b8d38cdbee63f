import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertCliBuilt, cliRunnerAsync, seedWithCli } from '../helpers/cli';
import { startFakeVonage, type FakeVonage } from '../helpers/fake-vonage';
import { closedPort, startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy';
import { createTestKeychain } from '../helpers/keychain';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';
import { startTlsFront } from '../helpers/tls-front';

/**
 * Behind a corporate proxy (issue 24): the CLI's requests to Vonage go through HTTPS_PROXY (a
 * CONNECT tunnel, to the fake Vonage behind https); plain http (to this machine only) never
 * crosses a proxy, NO_PROXY goes direct, and a dead, refusing, credential-asking or stalled proxy is named.
 */
const keychain = createTestKeychain();
const dataDir = makeDataDir();
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000d1';
let fake: FakeVonage;
let front: Awaited<ReturnType<typeof startTlsFront>>;
let proxy: ForwardProxy;
let keys: RsaKeys;

/** keydesk pointed at the fake through https (trusting its certificate), with `env` on top. */
const keydeskWith = (env: NodeJS.ProcessEnv) =>
  cliRunnerAsync(dataDir, keychain.service, {
    KEYDESK_VONAGE_API_HOST: front.url,
    KEYDESK_VONAGE_REST_HOST: front.url,
    NODE_EXTRA_CA_CERTS: front.caFile,
    HTTPS_PROXY: '',
    HTTP_PROXY: '',
    NO_PROXY: '',
    ...env,
  });

beforeAll(async () => {
  assertCliBuilt();
  keys = makeRsaKeys();
  fake = await startFakeVonage();
  front = await startTlsFront(Number(new URL(fake.url).port));
  proxy = await startForwardProxy();
  await seedWithCli(keydeskWith({}), dataDir, {
    accounts: [{ name: 'Acme', apiKey: 'acme0001', secret: 'acme-Secret-1' }],
    apps: [{ account: 'Acme', id: appId, name: 'Voice bot', pem: keys.pkcs8 }],
  });
});
beforeEach(() => {
  fake.reset();
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 'acme-Secret-1', balance: 7 });
  fake.applications.set(appId, {
    id: appId,
    apiKey: 'acme0001',
    name: 'Voice bot',
    capabilities: { voice: {} },
    publicKey: keys.spki,
  });
  proxy.carried.length = 0;
  proxy.behave('forward');
});
afterAll(async () => {
  await proxy.close();
  await front.close();
  await fake.close();
  await keychain.clear();
});

describe('the CLI behind a proxy', () => {
  it('checks, syncs and rotates through HTTPS_PROXY, in CONNECT tunnels', async () => {
    const keydesk = keydeskWith({ HTTPS_PROXY: proxy.url });
    const checked = await keydesk(['check', '--all']);
    expect(checked.code).toBe(0);
    expect((await keydesk(['apps', 'sync', 'Acme'])).code).toBe(0);
    const rotated = await keydesk(['apps', 'rotate-key', 'Voice bot', '--yes']);
    expect(rotated.code).toBe(0);
    const frontHost = new URL(front.url).host;
    expect(proxy.carried.length).toBeGreaterThanOrEqual(4);
    expect(proxy.carried.every((c) => c.method === 'CONNECT' && c.target === frontHost)).toBe(true);
    expect(fake.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual(
      expect.arrayContaining([
        'GET /account/get-balance',
        'GET /v2/applications',
        `PUT /v2/applications/${appId}`,
      ]),
    );
  });

  it('never sends credentials in clear through HTTP_PROXY: plain http to this machine goes direct', async () => {
    const keydesk = cliRunnerAsync(dataDir, keychain.service, {
      KEYDESK_VONAGE_API_HOST: fake.url,
      KEYDESK_VONAGE_REST_HOST: fake.url,
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: '',
      NO_PROXY: '',
    });
    expect((await keydesk(['check', 'Acme'])).code).toBe(0);
    expect(proxy.carried).toEqual([]);
    expect(fake.requests.map((r) => r.path)).toEqual(['/account/get-balance']);
  });

  it('goes direct for a host NO_PROXY names, as curl does for this machine too', async () => {
    for (const noProxy of [
      '127.0.0.1',
      'localhost,127.0.0.1',
      '*',
      `127.0.0.1:${new URL(front.url).port}`,
    ]) {
      const result = await keydeskWith({ HTTPS_PROXY: proxy.url, NO_PROXY: noProxy })([
        'check',
        'Acme',
      ]);
      expect(result.code, noProxy).toBe(0);
    }
    expect(proxy.carried).toEqual([]);
    // Another port of the same host still goes through the proxy.
    await keydeskWith({ HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1:1' })(['check', 'Acme']);
    expect(proxy.carried).toHaveLength(1);
  });

  it('names a proxy that is down, one that refuses, and one that holds the request', async () => {
    const down = await closedPort();
    const dead = await keydeskWith({ HTTPS_PROXY: `http://127.0.0.1:${down}` })(['check', 'Acme']);
    expect(dead.code).toBe(1);
    expect(dead.stdout + dead.stderr).toContain(
      `Cannot reach the proxy 127.0.0.1:${down} (from HTTPS_PROXY) (ECONNREFUSED)`,
    );

    proxy.behave('refuse');
    const refused = await keydeskWith({ HTTPS_PROXY: proxy.url })(['check', 'Acme']);
    expect(refused.stdout + refused.stderr).toContain(
      `the proxy 127.0.0.1:${proxy.port} (from HTTPS_PROXY) refused to connect to ${new URL(front.url).host} (HTTP 403)`,
    );

    proxy.behave('stall');
    const keydesk = keydeskWith({ HTTPS_PROXY: proxy.url });
    expect((await keydesk(['settings', 'set', 'vonage-timeout', '1'])).code).toBe(0);
    const stalled = await keydesk(['check', 'Acme', '--json']);
    expect(JSON.parse(stalled.stdout)).toMatchObject([
      {
        code: 'TIMEOUT',
        message: expect.stringContaining(
          `did not answer within 1 s through the proxy 127.0.0.1:${proxy.port} (from HTTPS_PROXY)`,
        ),
      },
    ]);
    expect((await keydesk(['settings', 'set', 'vonage-timeout', '15'])).code).toBe(0);
  });

  it('keeps the reason a proxy variable cannot be used, instead of "cannot reach"', async () => {
    const spaced = await keydeskWith({ HTTPS_PROXY: 'http://proxy host:3128' })(['check', 'Acme']);
    expect(spaced.code).toBe(1);
    expect(spaced.stdout).toContain(
      'HTTPS_PROXY is not a proxy address; write it as http://host:port',
    );
    const socks = await keydeskWith({ HTTPS_PROXY: 'socks5://127.0.0.1:1080' })(['check', 'Acme']);
    expect(socks.stdout).toContain(
      'HTTPS_PROXY names a socks5 proxy (127.0.0.1:1080); Keydesk goes through http and https proxies only',
    );
    expect(fake.requests).toEqual([]);
  });

  it('names a proxy that hangs up on CONNECT, after a few tries, not thousands', async () => {
    proxy.behave('hangup');
    const run = await keydeskWith({ HTTPS_PROXY: proxy.url })(['check', 'Acme']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `the proxy 127.0.0.1:${proxy.port} (from HTTPS_PROXY) closed the connection`,
    );
    expect(proxy.carried.length).toBeLessThanOrEqual(5);
  });

  it('uses the credentials in the proxy URL, never shows them, and says when they are missing', async () => {
    const guarded = await startForwardProxy({ credentials: 'alice:pr0xy-Pass' });
    try {
      const without = await keydeskWith({ HTTPS_PROXY: guarded.url })(['check', 'Acme']);
      expect(without.stdout + without.stderr).toContain(
        `the proxy 127.0.0.1:${guarded.port} (from HTTPS_PROXY) asks for credentials (407 Proxy Authentication Required): give them in HTTPS_PROXY as http://user:password@127.0.0.1:${guarded.port}`,
      );
      const withCredentials = `http://alice:pr0xy-Pass@127.0.0.1:${guarded.port}`;
      const keydesk = keydeskWith({ HTTPS_PROXY: withCredentials });
      const checked = await keydesk(['check', 'Acme', '--json']);
      expect(JSON.parse(checked.stdout)).toMatchObject([{ code: 'OK' }]);
      expect(guarded.carried.at(-1)).toMatchObject({ method: 'CONNECT', authorized: true });

      const wrong = await keydeskWith({
        HTTPS_PROXY: `http://alice:wrong-Pass@127.0.0.1:${guarded.port}`,
      })(['check', 'Acme']);
      expect(wrong.stdout + wrong.stderr).toContain(
        'it refused the user name and password in HTTPS_PROXY',
      );

      const settings = await keydesk(['settings']);
      expect(settings.stderr).toContain(
        `through the proxy 127.0.0.1:${guarded.port} (from HTTPS_PROXY)`,
      );
      const history = await keydesk(['history', '--json', '--limit', '50']);
      const seen = [checked, wrong, settings, history].map((r) => r.stdout + r.stderr).join('\n');
      expect(seen).not.toContain('pr0xy-Pass');
      expect(seen).not.toContain('wrong-Pass');
      expect(readFileSync(join(dataDir, 'keydesk.db')).includes('pr0xy-Pass')).toBe(false);
    } finally {
      await guarded.close();
    }
  });
});
