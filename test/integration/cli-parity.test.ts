import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, cliRunner, seedWithCli } from '../helpers/cli';
import { createTestKeychain } from '../helpers/keychain';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/** What the app's forms change, the CLI changes too: accounts edit, accounts secret, apps edit, settings. */
const keychain = createTestKeychain();
const dataDir = makeDataDir();
const keydesk = cliRunner(dataDir, keychain.service);
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

beforeAll(async () => {
  assertCliBuilt();
  await seedWithCli(keydesk, dataDir, {
    accounts: [{ name: 'Acme Corp', apiKey: 'acme0001', secret: 'first-Secret' }],
    apps: [{ account: 'Acme Corp', id: appId, name: 'Voice bot', pem: makeRsaKeys().pkcs8 }],
  });
});
afterAll(() => keychain.clear());

const show = (name: string) =>
  JSON.parse(keydesk(['accounts', 'show', name, '--json']).stdout) as Record<string, unknown>;

describe('keydesk accounts edit and secret', () => {
  it('changes the name, colour, notes and API secret; refuses a bad value and changes nothing', () => {
    const bad = keydesk([
      'accounts',
      'edit',
      'Acme Corp',
      '--name',
      'Acme Ltd',
      '--color',
      'mauve',
    ]);
    expect(bad).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--color: "mauve" is not a label'),
    });
    expect(show('Acme Corp')).toMatchObject({ name: 'Acme Corp', color: 'slate' });

    const edited = keydesk([
      'accounts',
      'edit',
      'acme corp',
      '--name',
      'Acme Ltd',
      '--color',
      'blue',
      '--notes',
      'EU region',
    ]);
    expect(edited.code).toBe(0);
    expect(show('Acme Ltd')).toMatchObject({ name: 'Acme Ltd', color: 'blue', notes: 'EU region' });

    expect(
      keydesk(['accounts', 'edit', 'Acme Ltd', '--secret-stdin'], { stdin: 'second-Secret' }).code,
    ).toBe(0);
    expect(keydesk(['accounts', 'secret', 'Acme Ltd'])).toMatchObject({
      code: 0,
      stdout: 'second-Secret\n',
    });
    expect(keydesk(['accounts', 'secret', 'Acme Ltd', '--basic']).stdout).toBe(
      `Authorization: Basic ${Buffer.from('acme0001:second-Secret').toString('base64')}\n`,
    );
    const history = keydesk(['history', '--action', 'reveal', '--json']).stdout;
    expect(JSON.parse(history)).toHaveLength(2);
    expect(history).not.toContain('second-Secret');
    expect(keydesk(['accounts', 'edit', 'Acme Ltd'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Nothing to change'),
    });
  });
});

describe('keydesk apps edit', () => {
  it("sets and clears an application's JWT defaults, which the next jwt uses", () => {
    expect(
      keydesk([
        'apps',
        'edit',
        'Voice bot',
        '--ttl',
        '5m',
        '--sub',
        'alice',
        '--acl-preset',
        'client-sdk',
      ]).code,
    ).toBe(0);
    const token = keydesk(['jwt', 'Voice bot']).stdout.trim();
    const claims = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown> & { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(300);
    expect(claims).toMatchObject({ sub: 'alice', acl: expect.any(Object) });
    expect(keydesk(['apps', 'edit', 'Voice bot', '--no-acl', '--name', 'Voice']).code).toBe(0);
    const app = JSON.parse(keydesk(['apps', 'show', 'Voice', '--json']).stdout);
    expect(app).toMatchObject({ name: 'Voice', jwtDefaults: { ttlSeconds: 300, sub: 'alice' } });
    expect(app.jwtDefaults.acl).toBeUndefined();
    expect(keydesk(['apps', 'edit', 'Voice', '--ttl', '2d'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('too long'),
    });
  });
});

describe('keydesk settings', () => {
  it('lists every setting, sets each kind of value, and refuses what is not one', () => {
    const list = keydesk(['settings']).stdout;
    for (const name of [
      'clipboard-clear',
      'default-ttl',
      'default-acl',
      'history-retention',
      'theme',
      'oauth-timeout',
    ])
      expect(list).toContain(name);
    expect(keydesk(['settings', 'set', 'default-ttl', '1h']).code).toBe(0);
    expect(keydesk(['settings', 'get', 'default-ttl']).stdout).toBe('3600\n');
    expect(keydesk(['settings', 'set', 'clipboard-clear', 'never']).code).toBe(0);
    expect(keydesk(['settings', 'get', 'clipboardClearSeconds']).stdout).toBe('never\n');
    expect(keydesk(['settings', 'set', 'theme', 'dark']).code).toBe(0);
    expect(keydesk(['settings', 'set', 'theme', 'sepia'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('The themes are system, light, dark'),
    });
    expect(keydesk(['settings', 'set', 'default-ttl', 'soon'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not a duration'),
    });
    expect(keydesk(['settings', 'get', 'colour'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"colour" is not a setting'),
    });
    expect(JSON.parse(keydesk(['settings', 'list', '--json']).stdout)).toMatchObject({
      defaultTtlSeconds: 3600,
      clipboardClearSeconds: null,
      theme: 'dark',
    });
  });
});
