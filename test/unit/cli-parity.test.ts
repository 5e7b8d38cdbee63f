import { beforeAll, describe, expect, it } from 'vitest';
import { seedWithCli } from '../helpers/cli';
import { cliInProcess } from '../helpers/cli-in-process';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/** What the app's forms change, the CLI changes too: accounts edit, accounts secret, apps edit, settings. */
const dataDir = makeDataDir();
const keydesk = cliInProcess(dataDir);
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

beforeAll(async () => {
  await seedWithCli(keydesk, dataDir, {
    accounts: [{ name: 'Acme Corp', apiKey: 'acme0001', secret: 'first-Secret' }],
    apps: [{ account: 'Acme Corp', id: appId, name: 'Voice bot', pem: makeRsaKeys().pkcs8 }],
  });
});

const show = async (name: string) =>
  JSON.parse((await keydesk(['accounts', 'show', name, '--json'])).stdout) as Record<
    string,
    unknown
  >;

describe('keydesk accounts edit and secret', () => {
  it('changes the name, colour, notes and API secret; refuses a bad value and changes nothing', async () => {
    const bad = await keydesk([
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
    expect(await show('Acme Corp')).toMatchObject({ name: 'Acme Corp', color: 'slate' });

    const edited = await keydesk([
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
    expect(await show('Acme Ltd')).toMatchObject({
      name: 'Acme Ltd',
      color: 'blue',
      notes: 'EU region',
    });

    expect(
      (
        await keydesk(['accounts', 'edit', 'Acme Ltd', '--secret-stdin'], {
          stdin: 'second-Secret',
        })
      ).code,
    ).toBe(0);
    expect(await keydesk(['accounts', 'secret', 'Acme Ltd'])).toMatchObject({
      code: 0,
      stdout: 'second-Secret\n',
    });
    expect((await keydesk(['accounts', 'secret', 'Acme Ltd', '--basic'])).stdout).toBe(
      `Authorization: Basic ${Buffer.from('acme0001:second-Secret').toString('base64')}\n`,
    );
    const history = (await keydesk(['history', '--action', 'reveal', '--json'])).stdout;
    expect(JSON.parse(history)).toHaveLength(2);
    expect(history).not.toContain('second-Secret');
    expect(await keydesk(['accounts', 'edit', 'Acme Ltd'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Nothing to change'),
    });
  });
});

describe('keydesk apps edit', () => {
  it("sets and clears an application's JWT defaults, which the next jwt uses", async () => {
    expect(
      (
        await keydesk([
          'apps',
          'edit',
          'Voice bot',
          '--ttl',
          '5m',
          '--sub',
          'alice',
          '--acl-preset',
          'client-sdk',
        ])
      ).code,
    ).toBe(0);
    const token = (await keydesk(['jwt', 'Voice bot'])).stdout.trim();
    const claims = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown> & { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(300);
    expect(claims).toMatchObject({ sub: 'alice', acl: expect.any(Object) });
    expect((await keydesk(['apps', 'edit', 'Voice bot', '--no-acl', '--name', 'Voice'])).code).toBe(
      0,
    );
    const app = JSON.parse((await keydesk(['apps', 'show', 'Voice', '--json'])).stdout);
    expect(app).toMatchObject({ name: 'Voice', jwtDefaults: { ttlSeconds: 300, sub: 'alice' } });
    expect(app.jwtDefaults.acl).toBeUndefined();
    expect(await keydesk(['apps', 'edit', 'Voice', '--ttl', '2d'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('too long'),
    });
  });
});

describe('keydesk settings', () => {
  it('lists every setting, sets each kind of value, and refuses what is not one', async () => {
    const list = (await keydesk(['settings'])).stdout;
    for (const name of [
      'clipboard-clear',
      'default-ttl',
      'default-acl',
      'history-retention',
      'theme',
      'oauth-timeout',
    ])
      expect(list).toContain(name);
    expect((await keydesk(['settings', 'set', 'default-ttl', '1h'])).code).toBe(0);
    expect((await keydesk(['settings', 'get', 'default-ttl'])).stdout).toBe('3600\n');
    expect((await keydesk(['settings', 'set', 'clipboard-clear', 'never'])).code).toBe(0);
    expect((await keydesk(['settings', 'get', 'clipboardClearSeconds'])).stdout).toBe('never\n');
    expect((await keydesk(['settings', 'set', 'theme', 'dark'])).code).toBe(0);
    expect(await keydesk(['settings', 'set', 'theme', 'sepia'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('The themes are system, light, dark'),
    });
    expect(await keydesk(['settings', 'set', 'default-ttl', 'soon'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not a duration'),
    });
    expect(await keydesk(['settings', 'get', 'colour'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"colour" is not a setting'),
    });
    expect(JSON.parse((await keydesk(['settings', 'list', '--json'])).stdout)).toMatchObject({
      defaultTtlSeconds: 3600,
      clipboardClearSeconds: null,
      theme: 'dark',
    });
  });
});
