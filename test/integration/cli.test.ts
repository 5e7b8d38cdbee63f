import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandGroups } from '../../src/cli/command-groups';
import { assertCliBuilt, cliPath, cliRunner } from '../helpers/cli';
import { cliKeychainOf, createTestKeychain } from '../helpers/keychain';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir, openTestServices } from '../helpers/services';
import { expectNoSecretsAtRest } from '../helpers/secrets-at-rest';

const keychain = createTestKeychain();
const dataDir = makeDataDir();
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
const apiSecret = 'cli-Secret-9f8e7d';
let keys: RsaKeys;

const keydesk = cliRunner(dataDir, keychain.service);

beforeAll(() => {
  assertCliBuilt();
  keys = makeRsaKeys();
  writeFileSync(join(dataDir, '..', `${appId}.key`), keys.pkcs1);
});
afterAll(() => keychain.clear());

describe('keydesk CLI', () => {
  it('runs every command from a bundle of its own, which holds all that command needs', () => {
    for (const command of commandGroups.flatMap((group) => group.commands)) {
      expect(
        existsSync(join(cliPath, '..', '..', 'out', 'cli', 'commands', `${command}.cjs`)),
      ).toBe(true);
      const help = keydesk([command, '--help']);
      expect(help.stderr, command).toBe('');
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(new RegExp(`^Usage: keydesk ${command} `));
    }
  });

  it('adds an account with the secret from stdin and lists it', () => {
    const added = keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], {
      stdin: `${apiSecret}\n`,
    });
    expect(added).toMatchObject({
      code: 0,
      stderr: expect.stringContaining('Added account "Acme"'),
    });
    const list = keydesk(['accounts', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject([
      { name: 'Acme', apiKey: 'abcd1234', applicationCount: 0 },
    ]);
    expect(keydesk(['accounts', 'list']).stdout).toMatch(
      /^NAME\s+API KEY\s+APPS\s+LABEL\nAcme\s+abcd1234\s+0\s+slate$/m,
    );
  });

  it('refuses an account without a secret on stdin, or with a bad key, with a message and exit 1', () => {
    const noSecret = keydesk(['accounts', 'add', '--name', 'Globex', '--api-key', 'ffff0000']);
    expect(noSecret).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No API secret on stdin.*printf/),
    });
    const badKey = keydesk(['accounts', 'add', '--name', 'Globex', '--api-key', 'no spaces'], {
      stdin: 's',
    });
    expect(badKey).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^keydesk: --api-key: An API key is 4 to 64/),
    });
    const duplicate = keydesk(['accounts', 'add', '--name', 'ACME', '--api-key', 'ffff0000'], {
      stdin: 's',
    });
    expect(duplicate).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--name: An account named "Acme" already exists/),
    });
    expect(JSON.parse(keydesk(['accounts', 'list', '--json']).stdout)).toHaveLength(1);
  });

  it('adds applications from a key file and a generated key; shows the public key', async () => {
    const fromFile = keydesk([
      'apps',
      'add',
      '--account',
      'acme',
      '--id',
      appId,
      '--name',
      'Voice',
      '--key-file',
      join(dataDir, '..', `${appId}.key`),
    ]);
    expect(fromFile).toMatchObject({
      code: 0,
      stderr: expect.stringMatching(/Key: RSA-2048, fingerprint SHA256:/),
    });
    expect(keydesk(['apps', 'public-key', 'Voice']).stdout).toBe(keys.spki);

    const generated = keydesk([
      'apps',
      'add',
      '--account',
      'Acme',
      '--id',
      'bbbbbbbb-bbbb-cccc-dddd-0123456789ab',
      '--name',
      'Video',
      '--generate-key',
    ]);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/,
    );
    expect(generated.stderr).toMatch(/Paste this public key into the application/);

    const shown = JSON.parse(keydesk(['apps', 'show', appId, '--json']).stdout);
    expect(shown).toMatchObject({ id: appId, name: 'Voice', accountName: 'Acme', keyBits: 2048 });
    // With no default of its own, the lifetime shown is the settings' (15 min), not a constant.
    expect(keydesk(['apps', 'show', appId]).stdout).toMatch(/ttl 900 s \(from the settings\)/);
    const opened = openTestServices(keychain, { dataDir });
    await opened.invoke('settings:update', { defaultTtlSeconds: 300 });
    opened.services.close();
    expect(keydesk(['apps', 'show', appId]).stdout).toMatch(/ttl 300 s \(from the settings\)/);
    expect(
      keydesk(['apps', 'list', '--account', 'Acme']).stdout.split('\n').filter(Boolean),
    ).toHaveLength(3);
  });

  it('reads a key from stdin and asks for a passphrase on stdin when a key file is encrypted', () => {
    const other = makeRsaKeys();
    const viaStdin = keydesk(
      [
        'apps',
        'add',
        '--account',
        'Acme',
        '--id',
        'cccccccc-bbbb-cccc-dddd-0123456789ab',
        '--name',
        'Stdin',
        '--key-stdin',
      ],
      { stdin: other.pkcs8 },
    );
    expect(viaStdin.code).toBe(0);
    const encryptedPath = join(dataDir, '..', 'encrypted.key');
    writeFileSync(encryptedPath, makeRsaKeys().pkcs8Encrypted('hunter2'));
    const args = [
      'apps',
      'add',
      '--account',
      'Acme',
      '--id',
      'dddddddd-bbbb-cccc-dddd-0123456789ab',
      '--name',
      'Locked',
      '--key-file',
      encryptedPath,
    ];
    expect(keydesk(args, { stdin: 'wrong\n' })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/passphrase: The passphrase does not unlock/),
    });
    expect(keydesk(args, { stdin: 'hunter2\n' }).code).toBe(0);
    // one event per attempt, with its real outcome: no failed KEY_ENCRYPTED step before a success
    const events = (
      JSON.parse(keydesk(['history', '--json', '--limit', '50']).stdout) as {
        action: string;
        outcome: string;
        applicationId: string | null;
        error: { code: string } | null;
      }[]
    ).filter(
      (e) => e.action === 'create' && e.applicationId === 'dddddddd-bbbb-cccc-dddd-0123456789ab',
    );
    expect(events.map((e) => [e.outcome, e.error?.code ?? null])).toEqual([
      ['ok', null],
      ['failed', 'KEY_PASSPHRASE_WRONG'],
    ]);
    const encryptedOnStdin = keydesk(
      [
        ...args.slice(0, 5),
        'eeeeeeee-bbbb-cccc-dddd-0123456789ab',
        '--name',
        'Piped',
        '--key-stdin',
      ],
      { stdin: makeRsaKeys().pkcs8Encrypted('hunter2') },
    );
    expect(encryptedOnStdin.code).toBe(1);
    expect(encryptedOnStdin.stderr).toMatch(/encrypted.*--key-file PATH and pipe the passphrase/);
  });

  it('refuses a secret piped as invalid UTF-8 instead of storing something else', () => {
    const result = spawnSync(
      process.execPath,
      [cliPath, 'accounts', 'add', '--name', 'Bytes', '--api-key', 'bbbb9999'],
      {
        input: Buffer.from([0xff, 0xfe]),
        encoding: 'utf8',
        env: { ...process.env, KEYDESK_HOME: dataDir, KEYDESK_KEYCHAIN_SERVICE: keychain.service },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /stdin is not UTF-8 text \(byte 0xff at position 0\).*nothing was stored/,
    );
    expect(keydesk(['accounts', 'list', '--json']).stdout).not.toContain('Bytes');
  });

  it('rejects bad application input with its own message', () => {
    const base = ['apps', 'add', '--account', 'Acme', '--name', 'Bad'];
    const cases: [string[], RegExp][] = [
      [[...base, '--id', 'nope', '--generate-key'], /--id: An application id is a UUID/],
      [[...base, '--id', appId, '--generate-key'], /--id: Application .* is already stored/],
      [[...base, '--id', 'eeeeeeee-bbbb-cccc-dddd-0123456789ab'], /exactly one of --key-file/],
      [
        [
          ...base,
          '--id',
          'eeeeeeee-bbbb-cccc-dddd-0123456789ab',
          '--key-file',
          '/nonexistent/private.key',
        ],
        /Cannot read \/nonexistent\/private.key: no such file/,
      ],
      [
        [
          'apps',
          'add',
          '--account',
          'Nobody',
          '--name',
          'X',
          '--id',
          'eeeeeeee-bbbb-cccc-dddd-0123456789ab',
          '--generate-key',
        ],
        /--account: No account named "Nobody"/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = keydesk(args);
      expect(result.code, result.stderr).not.toBe(0);
      expect(result.stderr).toMatch(message);
    }
    const publicKeyFile = join(dataDir, '..', 'public.pem');
    writeFileSync(publicKeyFile, keys.spki);
    expect(
      keydesk([
        ...base,
        '--id',
        'eeeeeeee-bbbb-cccc-dddd-0123456789ab',
        '--key-file',
        publicKeyFile,
      ]).stderr,
    ).toMatch(/the private key: This is a public key/);
    expect(keydesk(['apps', 'show', 'nothing-like-this']).stderr).toMatch(
      /APP: No application named/,
    );
  });

  it('imports a .nexmorc with a dry run first', () => {
    const file = join(dataDir, '..', '.nexmorc');
    writeFileSync(file, '[credentials]\napi_key = ffff0000\napi_secret = globex-Secret-1\n');
    const dry = keydesk(['import', file, '--dry-run', '--account', 'Globex']);
    expect(dry).toMatchObject({
      code: 0,
      stderr: expect.stringContaining('Dry run: nothing was stored.'),
    });
    expect(dry.stdout).toMatch(/account\s+Globex\s+ffff0000\s+new/);
    expect(JSON.parse(keydesk(['accounts', 'list', '--json']).stdout)).toHaveLength(1);
    const applied = keydesk(['import', file, '--account', 'Globex']);
    expect(applied).toMatchObject({
      code: 0,
      stderr: expect.stringContaining('created: account "Globex" (ffff0000)'),
    });
    expect(keydesk(['import', file]).stderr).toMatch(/Nothing new to import/);
  });

  it('doctor reports an orphan secret, exits 1, and --fix removes it', async () => {
    expect(keydesk(['doctor'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('agree'),
    });
    await cliKeychainOf(dataDir, keychain).set('account/ghost/apiSecret', 'left behind');
    const report = keydesk(['doctor']);
    expect(report).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/Orphan secret: the API secret of a removed account ghost/),
    });
    expect(keydesk(['doctor', '--fix'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/Fixed: Deleted/),
    });
    expect(keydesk(['doctor']).code).toBe(0);
  });

  it('removes only with --yes when not on a terminal', () => {
    expect(keydesk(['apps', 'remove', 'Video'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/pass --yes/),
    });
    expect(keydesk(['apps', 'remove', 'Video', '--yes']).code).toBe(0);
    expect(keydesk(['accounts', 'remove', 'acme', '--yes'])).toMatchObject({
      code: 0,
      stderr: expect.stringMatching(/Removed account "Acme" and 3 application/),
    });
  });

  it('leaves no secret anywhere in the data folder (database, WAL, anything else)', () => {
    const secrets = [
      apiSecret,
      'globex-Secret-1',
      ...keys.pkcs8.split('\n').slice(1, 4),
      ...keys.pkcs1.split('\n').slice(1, 4),
    ];
    expectNoSecretsAtRest(dataDir, secrets);
  });
});

describe('keydesk with a damaged database', () => {
  it('moves the file aside, says where, and works on a fresh vault', () => {
    const damagedDir = makeDataDir();
    writeFileSync(join(damagedDir, 'keydesk.db'), 'not a database '.repeat(200));
    const run = cliRunner(damagedDir, keychain.service);
    const result = run(['accounts', 'list', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).toMatch(
      /keydesk: The Keydesk database was damaged .* moved to .*keydesk\.db\.damaged-/,
    );
    expect(run(['accounts', 'list']).stderr).not.toMatch(/damaged/);
  });
});
