import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageDecrypt } from '../helpers/age-oracle';
import { assertCliBuilt, cliPath, cliRunner, cliRunnerAsync, seedWithCli } from '../helpers/cli';
import { createTestKeychain, vaultKeychainOf } from '../helpers/keychain';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

const passphrase = 'vault file test passphrase';
const onFile = { KEYDESK_KEYCHAIN: 'file', KEYDESK_PASSPHRASE: passphrase };
const keychain = createTestKeychain();
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
let keys: RsaKeys;

beforeAll(() => {
  assertCliBuilt();
  keys = makeRsaKeys();
});
afterAll(() => keychain.clear());

const entriesOf = (dataDir: string) =>
  (
    JSON.parse(ageDecrypt(join(dataDir, 'vault.age'), passphrase)) as {
      entries: Record<string, string>;
    }
  ).entries;

/**
 * The CLI at a terminal (`script` gives it one): each answer is typed once its prompt has shown,
 * as a person would, so what the terminal echoes is what a person would see.
 */
function atTerminal(
  args: string,
  env: NodeJS.ProcessEnv,
  answers: [RegExp, string][],
): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    'script',
    ['-qec', `"${process.execPath}" "${cliPath}" ${args}`, '/dev/null'],
    {
      env: { ...process.env, ...env },
    },
  );
  let output = '';
  let next = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const answer = answers[next];
    if (answer && answer[0].test(output)) {
      next += 1;
      child.stdin.write(`${answer[1]}\r`);
    }
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 25_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, output });
    }),
  );
}

/** A JWT minted by the CLI, verified against the application's public key. */
async function expectJwtWorks(keydesk: ReturnType<typeof cliRunner>) {
  const minted = keydesk(['jwt', 'Voice']);
  expect(minted.code, minted.stderr).toBe(0);
  await jwtVerify(minted.stdout.trim(), keys.publicKey, { algorithms: ['RS256'] });
}

describe('keydesk with the encrypted vault file', () => {
  it('works where no Secret Service is reachable, and age -d opens what it stored', async () => {
    const dataDir = makeDataDir();
    const keydesk = cliRunner(dataDir, keychain.service);
    const noBus = { ...onFile, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    await seedWithCli((args, options) => keydesk(args, { ...options, env: noBus }), dataDir, {
      accounts: [{ name: 'Acme', apiKey: 'abcd1234', secret: 'acme-secret' }],
      apps: [{ account: 'Acme', id: appId, name: 'Voice', pem: keys.pkcs8 }],
    });
    await expectJwtWorks((args) => keydesk(args, { env: noBus }));
    expect(keydesk(['accounts', 'secret', 'Acme'], { env: noBus }).stdout).toBe('acme-secret\n');
    const entries = Object.values(entriesOf(dataDir));
    expect(entries).toContain('acme-secret');
    expect(entries.some((value) => value.includes('PRIVATE KEY'))).toBe(true);
    expect(statSync(join(dataDir, 'vault.age')).mode & 0o777).toBe(0o600);
    expect(keydesk(['doctor'], { env: noBus })).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`Secrets: in the vault file ${join(dataDir, 'vault.age')}`),
    });
  });

  it('six parallel accounts add all survive (the lock, and a re-read before each write)', async () => {
    const dataDir = makeDataDir();
    const keydesk = cliRunnerAsync(dataDir, keychain.service, onFile);
    // The file exists first: six first writers would each choose their own header.
    expect(
      await keydesk(['accounts', 'add', '--name', 'First', '--api-key', 'f0000000'], {
        stdin: 'first',
      }),
    ).toMatchObject({ code: 0 });
    const added = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        keydesk(['accounts', 'add', '--name', `Customer ${n}`, '--api-key', `c000000${n}`], {
          stdin: `secret-${n}`,
        }),
      ),
    );
    for (const result of added) expect(result.code, result.stderr).toBe(0);
    const values = Object.values(entriesOf(dataDir)).sort();
    expect(values).toEqual(['first', ...[1, 2, 3, 4, 5, 6].map((n) => `secret-${n}`)].sort());
  });

  it('a wrong passphrase exits 1, names the passphrase, and changes nothing', () => {
    const dataDir = makeDataDir();
    const keydesk = cliRunner(dataDir, keychain.service);
    keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], {
      stdin: 'kept',
      env: onFile,
    });
    const before = readFileSync(join(dataDir, 'vault.age'));
    const wrong = { ...onFile, KEYDESK_PASSPHRASE: 'not the right one' };
    for (const args of [
      ['accounts', 'secret', 'Acme'],
      ['accounts', 'add', '--name', 'Globex', '--api-key', 'ffff0000'],
    ]) {
      const result = keydesk(args, { stdin: 'new', env: wrong });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/passphrase for the vault file .*vault\.age is wrong/);
    }
    expect(readFileSync(join(dataDir, 'vault.age')).equals(before)).toBe(true);
    expect(keydesk(['accounts', 'list', '--json']).stdout).not.toContain('Globex');
  });

  it('without KEYDESK_PASSPHRASE or a terminal, says how to give it', () => {
    const dataDir = makeDataDir();
    const keydesk = cliRunner(dataDir, keychain.service);
    const result = keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], {
      stdin: 'secret',
      env: { KEYDESK_KEYCHAIN: 'file', KEYDESK_PASSPHRASE: '' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /needs its passphrase: run eval "\$\(keydesk unlock\)" in a terminal first, set KEYDESK_PASSPHRASE_FILE \(or KEYDESK_PASSPHRASE\) for a script, or run the command in a terminal/,
    );
    expect(keydesk(['accounts', 'list', '--json']).stdout).toBe('[]\n');
  });

  it('at a terminal, asks for a new passphrase twice without echo, then once a run', async () => {
    const dataDir = makeDataDir();
    const env = { KEYDESK_HOME: dataDir, KEYDESK_KEYCHAIN: 'file', KEYDESK_PASSPHRASE: '' };
    const added = await atTerminal('accounts add --name Acme --api-key abcd1234', env, [
      [/API secret: $/, 'typed-secret'],
      [/Choose its passphrase: $/, passphrase],
      [/Type it again: $/, passphrase],
    ]);
    expect(added.code, added.output).toBe(0);
    expect(added.output).toMatch(/creating the encrypted vault file .*vault\.age/);
    expect(added.output).not.toContain(passphrase);
    expect(added.output).not.toContain('typed-secret');
    const shown = await atTerminal('accounts secret Acme', env, [
      [/Passphrase for the vault file .*vault\.age: $/, passphrase],
    ]);
    expect(shown.code, shown.output).toBe(0);
    expect(shown.output).toContain('typed-secret');
    expect(shown.output).not.toContain(passphrase);
    expect(Object.values(entriesOf(dataDir))).toEqual(['typed-secret']);
    // Typed ahead in one go (a paste): each prompt still gets its own line.
    const pasted = await atTerminal('accounts add --name Globex --api-key ffff0000', env, [
      [/API secret: $/, `globex-secret\r${passphrase}`],
    ]);
    expect(pasted.code, pasted.output).toBe(0);
    expect(Object.values(entriesOf(dataDir)).sort()).toEqual(['globex-secret', 'typed-secret']);
  });

  it('a vault file in the data folder is the keychain from then on, without KEYDESK_KEYCHAIN', () => {
    const dataDir = makeDataDir();
    const keydesk = cliRunner(dataDir, keychain.service);
    // No Secret Service anywhere: the OS keychain would fail every command.
    const noBus = {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
      KEYDESK_PASSPHRASE: passphrase,
    };
    expect(
      keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1236'], {
        stdin: 'made-on-file',
        env: { ...noBus, KEYDESK_KEYCHAIN: 'file' },
      }).code,
    ).toBe(0);
    expect(keydesk(['accounts', 'secret', 'Acme'], { env: noBus })).toMatchObject({
      code: 0,
      stdout: 'made-on-file\n',
    });
    expect(keydesk(['doctor'], { env: noBus }).stdout).toMatch(/Secrets: in the vault file/);
  });

  it('a first run with no session bus at all makes the vault file by itself and says so once', async () => {
    const dataDir = makeDataDir();
    const keydesk = cliRunner(dataDir, keychain.service);
    // What SSH, WSL and containers give: no bus address, no X11 to autolaunch one.
    const headless = { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined };
    const first = keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1237'], {
      stdin: 'first-run-secret',
      env: { ...headless, KEYDESK_PASSPHRASE: passphrase },
    });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(
      `No OS keychain answers here (no D-Bus session or Secret Service), so Keydesk keeps the secrets in the encrypted vault file ${join(dataDir, 'vault.age')} instead`,
    );
    expect(Object.values(entriesOf(dataDir))).toEqual(['first-run-secret']);
    // From now on the file is simply the keychain: nothing more is said about it.
    const again = keydesk(['accounts', 'secret', 'Acme'], {
      env: { ...headless, KEYDESK_PASSPHRASE: passphrase },
    });
    expect(again).toMatchObject({ code: 0, stdout: 'first-run-secret\n', stderr: '' });
  });

  it('never switches to a new vault file once the OS keychain holds the vault, nor when told os', () => {
    const dataDir = makeDataDir();
    const keydesk = cliRunner(dataDir, keychain.service);
    expect(
      keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1238'], { stdin: 'on-os' })
        .code,
    ).toBe(0);
    const headless = {
      DBUS_SESSION_BUS_ADDRESS: undefined,
      DISPLAY: undefined,
      KEYDESK_PASSPHRASE: passphrase,
    };
    const later = keydesk(['accounts', 'secret', 'Acme'], { env: headless });
    expect(later.code).toBe(1);
    expect(later.stderr).toMatch(/No OS keychain is reachable .*KEYDESK_KEYCHAIN=file/s);
    const forced = cliRunner(makeDataDir(), keychain.service)(
      ['accounts', 'add', '--name', 'Beta', '--api-key', 'abcd1239'],
      { stdin: 'x', env: { ...headless, KEYDESK_KEYCHAIN: 'os' } },
    );
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/No OS keychain is reachable/);
    expect(existsSync(join(dataDir, 'vault.age'))).toBe(false);
  });

  it('doctor --fix on a keychain holding none of the vault removes nothing and names the other', async () => {
    const dataDir = makeDataDir();
    const keydesk = cliRunner(dataDir, keychain.service);
    await seedWithCli(keydesk, dataDir, {
      accounts: [{ name: 'Acme', apiKey: 'abcd1235', secret: 'acme-secret' }],
      apps: [{ account: 'Acme', id: appId, name: 'Voice', pem: keys.pkcs8 }],
    });
    // One run on the vault file, which does not hold these secrets (it does not even exist).
    const fixed = keydesk(['doctor', '--fix'], { env: onFile });
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toContain(
      "Needs you: The keychain in use holds none of this vault's 2 secrets: they are probably in the OS keychain. Nothing was removed.",
    );
    expect(fixed.stdout).not.toMatch(/Fixed:/);
    // On the OS keychain everything is still there and agrees.
    expect(keydesk(['doctor', '--fix'])).toMatchObject({ code: 0 });
    expect(keydesk(['accounts', 'list']).stdout).toContain('Acme');
    await expectJwtWorks(keydesk);
  });

  it('keychain migrate moves every secret to the file and back, checking each before removing any', async () => {
    const dataDir = makeDataDir();
    const keydesk = cliRunner(dataDir, keychain.service);
    await seedWithCli(keydesk, dataDir, {
      accounts: [{ name: 'Acme', apiKey: 'abcd1234', secret: 'acme-secret' }],
      apps: [{ account: 'Acme', id: appId, name: 'Voice', pem: keys.pkcs8 }],
    });
    const onOs = vaultKeychainOf(dataDir, keychain);
    const stored = await onOs.readAll();
    expect(stored.size).toBe(2);

    const withPassphrase = { KEYDESK_PASSPHRASE: passphrase };
    const toFile = keydesk(['keychain', 'migrate', '--to', 'file'], { env: withPassphrase });
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(toFile.stdout).toMatch(/Moved 2 secrets to the vault file .*vault\.age/);
    expect(await onOs.listRefs()).toEqual([]);
    expect(Object.values(entriesOf(dataDir)).sort()).toEqual([...stored.values()].sort());
    // The setting now says file: no KEYDESK_KEYCHAIN needed.
    await expectJwtWorks((args) => keydesk(args, { env: withPassphrase }));
    expect(keydesk(['doctor'], { env: withPassphrase }).code).toBe(0);
    expect(keydesk(['keychain', 'migrate', '--to', 'file'], { env: withPassphrase })).toMatchObject(
      {
        code: 1,
        stderr: expect.stringMatching(/already in the vault file/),
      },
    );

    const toOs = keydesk(['keychain', 'migrate', '--to', 'os'], { env: withPassphrase });
    expect(toOs.code, toOs.stderr).toBe(0);
    expect(toOs.stdout).toMatch(/Moved 2 secrets to the OS keychain/);
    expect(new Map(await onOs.readAll())).toEqual(stored);
    // The emptied file is gone: a vault file in the data folder would be the keychain again.
    expect(existsSync(join(dataDir, 'vault.age'))).toBe(false);
    await expectJwtWorks(keydesk);
    expect(keydesk(['history', '--json']).stdout).toMatch(/Moved the secrets from the vault file/);
  });

  it('a wrong passphrase stops a migration before anything moves', async () => {
    const dataDir = makeDataDir();
    const keydesk = cliRunner(dataDir, keychain.service);
    keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], {
      stdin: 'on-file',
      env: onFile,
    });
    const result = keydesk(['keychain', 'migrate', '--to', 'os'], {
      env: { ...onFile, KEYDESK_PASSPHRASE: 'not the right one' },
    });
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/is wrong/) });
    expect(await vaultKeychainOf(dataDir, keychain).listRefs()).toEqual([]);
    expect(Object.values(entriesOf(dataDir))).toEqual(['on-file']);
    expect(keydesk(['accounts', 'secret', 'Acme'], { env: onFile }).stdout).toBe('on-file\n');
  });

  it('doctor checks the file: others may not read it, and a write cut short leaves no debris', () => {
    const dataDir = makeDataDir();
    const keydesk = cliRunner(dataDir, keychain.service);
    keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], {
      stdin: 's',
      env: onFile,
    });
    chmodSync(join(dataDir, 'vault.age'), 0o644);
    writeFileSync(join(dataDir, '.vault.age.0123456789ab.tmp'), 'half a write');
    const report = keydesk(['doctor'], { env: onFile });
    expect(report.code).toBe(1);
    expect(report.stdout).toMatch(/vault\.age is readable by others \(mode 0644\)/);
    expect(report.stdout).toMatch(
      /\.vault\.age\.0123456789ab\.tmp was left by an interrupted write/,
    );
    expect(keydesk(['doctor', '--fix'], { env: onFile }).code).toBe(0);
    expect(statSync(join(dataDir, 'vault.age')).mode & 0o777).toBe(0o600);
    expect(keydesk(['doctor'], { env: onFile })).toMatchObject({ code: 0 });
  });

  it('names a KEYDESK_KEYCHAIN it does not know', () => {
    const keydesk = cliRunner(makeDataDir(), keychain.service);
    expect(
      keydesk(['accounts', 'secret', 'Acme'], { env: { KEYDESK_KEYCHAIN: 'vault' } }),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/KEYDESK_KEYCHAIN is "vault"; use os .*, file .* or auto/),
    });
  });
});
