import { chmodSync, copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ageDecrypt } from '../helpers/age-oracle';
import { assertCliBuilt, cliRunner } from '../helpers/cli';
import { makeDataDir } from '../helpers/services';

const passphrase = 'session suite passphrase';

beforeAll(() => assertCliBuilt());

/** A data folder whose vault file holds account Acme, and a runtime folder of the user's own. */
function vaultWithAcme() {
  const dataDir = makeDataDir();
  const runtime = mkdtempSync(join(tmpdir(), 'keydesk-runtime-'));
  chmodSync(runtime, 0o700);
  const base = {
    KEYDESK_KEYCHAIN: 'file',
    XDG_RUNTIME_DIR: runtime,
    KEYDESK_PASSPHRASE: undefined,
  };
  const keydesk = cliRunner(dataDir, 'unused-by-the-file');
  const run = (args: string[], env: NodeJS.ProcessEnv = {}, stdin?: string) =>
    keydesk(args, { env: { ...base, ...env }, ...(stdin === undefined ? {} : { stdin }) });
  const added = run(
    ['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'],
    { KEYDESK_PASSPHRASE: passphrase },
    'acme-secret',
  );
  expect(added.code, added.stderr).toBe(0);
  return { dataDir, runtime, run, vaultPath: join(dataDir, 'vault.age') };
}

function sessionFrom(output: string): string {
  const match = /^export KEYDESK_SESSION=(\S+)$/m.exec(output);
  if (!match?.[1]) throw new Error(`no eval line in: ${output}`);
  return match[1];
}

describe('keydesk unlock and lock', () => {
  it('opens the vault file once for the commands of a shell, until lock ends it', () => {
    const { runtime, run } = vaultWithAcme();
    const unlocked = run(['unlock', '--for', '1h', '--idle', '10m'], {
      KEYDESK_PASSPHRASE: passphrase,
    });
    expect(unlocked.code, unlocked.stderr).toBe(0);
    // stdout is only the line for eval; the explanation is on stderr.
    expect(unlocked.stdout.trim().split('\n')).toHaveLength(1);
    expect(unlocked.stderr).toMatch(
      /open to commands run with this KEYDESK_SESSION until .* or after 10 min unused\. Any program you run from this shell can read it/,
    );
    const session = sessionFrom(unlocked.stdout);
    expect(readdirSync(join(runtime, 'keydesk', 'sessions'))).toHaveLength(1);

    // No passphrase and no terminal: the session alone opens the file.
    expect(run(['accounts', 'secret', 'Acme'], { KEYDESK_SESSION: session })).toMatchObject({
      code: 0,
      stdout: 'acme-secret\n',
      stderr: '',
    });
    expect(
      run(
        ['accounts', 'add', '--name', 'Beta', '--api-key', 'beta1234'],
        { KEYDESK_SESSION: session },
        'beta-secret',
      ).code,
    ).toBe(0);

    expect(run(['lock']).stdout).toBe(
      'Ended 1 unlock session; the vault file needs its passphrase again.\n',
    );
    const after = run(['accounts', 'secret', 'Beta'], { KEYDESK_SESSION: session });
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(
      /the unlock session in KEYDESK_SESSION has ended \(keydesk lock, or a logout\)/,
    );
    expect(after.stderr).toMatch(/needs its passphrase: run eval "\$\(keydesk unlock\)"/);
    expect(run(['lock']).stdout).toBe('There was no unlock session to end.\n');
  });

  it('asks the passphrase even inside a session, and refuses limits out of range', () => {
    const { run } = vaultWithAcme();
    const session = sessionFrom(run(['unlock'], { KEYDESK_PASSPHRASE: passphrase }).stdout);
    const again = run(['unlock'], { KEYDESK_SESSION: session });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/needs its passphrase/);
    expect(run(['unlock', '--for', '30s'], { KEYDESK_PASSPHRASE: passphrase }).stderr).toMatch(
      /forSeconds|at least a minute/,
    );
    expect(run(['unlock', '--for', '2w'], { KEYDESK_PASSPHRASE: passphrase }).stderr).toMatch(
      /"2w" is not a duration/,
    );
    expect(run(['unlock', '--for', '30d'], { KEYDESK_PASSPHRASE: passphrase }).stderr).toMatch(
      /at most a week/,
    );
  });

  it('on a first run with no session bus, unlock creates the vault file and opens a session', () => {
    const dataDir = makeDataDir();
    const runtime = mkdtempSync(join(tmpdir(), 'keydesk-runtime-'));
    const keydesk = cliRunner(dataDir, 'unused-by-the-file');
    const headless = {
      DBUS_SESSION_BUS_ADDRESS: undefined,
      DISPLAY: undefined,
      XDG_RUNTIME_DIR: runtime,
    };
    const unlocked = keydesk(['unlock'], { env: { ...headless, KEYDESK_PASSPHRASE: passphrase } });
    expect(unlocked.code, unlocked.stderr).toBe(0);
    expect(unlocked.stderr).toMatch(/No OS keychain answers here/);
    const session = sessionFrom(unlocked.stdout);
    const added = keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], {
      stdin: 'headless-secret',
      env: { ...headless, KEYDESK_SESSION: session },
    });
    expect(added.code, added.stderr).toBe(0);
    expect(ageDecrypt(join(dataDir, 'vault.age'), passphrase)).toContain('headless-secret');
  });

  it('says there is nothing to unlock when the secrets are in the OS keychain', () => {
    const { run } = vaultWithAcme();
    const onOs = run(['unlock'], { KEYDESK_KEYCHAIN: 'os', KEYDESK_HOME: makeDataDir() });
    expect(onOs.code).toBe(1);
    expect(onOs.stderr).toMatch(/Secrets are in the OS keychain, which your desktop unlocks/);
  });
});

describe('KEYDESK_PASSPHRASE_FILE', () => {
  it('is read when only its owner may read it, and refused with what to do otherwise', () => {
    const { run, runtime } = vaultWithAcme();
    const file = join(runtime, 'passphrase');
    writeFileSync(file, `${passphrase}\n`, { mode: 0o644 });
    const open = run(['accounts', 'secret', 'Acme'], { KEYDESK_PASSPHRASE_FILE: file });
    expect(open.code).toBe(1);
    expect(open.stderr).toMatch(
      /KEYDESK_PASSPHRASE_FILE names .*other users may read or write it; make it yours and readable by you alone \(chmod 600\)/,
    );
    chmodSync(file, 0o600);
    expect(run(['accounts', 'secret', 'Acme'], { KEYDESK_PASSPHRASE_FILE: file }).stdout).toBe(
      'acme-secret\n',
    );
    const missing = run(['accounts', 'secret', 'Acme'], {
      KEYDESK_PASSPHRASE_FILE: join(runtime, 'nope'),
    });
    expect(missing.stderr).toMatch(
      /KEYDESK_PASSPHRASE_FILE names .*nope, which is not a file Keydesk can read/,
    );
  });
});

describe('keydesk keychain passphrase', () => {
  it('rewrites the file for the new passphrase with a new file key; backups keep the old one', () => {
    const { run, vaultPath, runtime } = vaultWithAcme();
    const backup = join(runtime, 'backup.age');
    copyFileSync(vaultPath, backup);
    const session = sessionFrom(run(['unlock'], { KEYDESK_PASSPHRASE: passphrase }).stdout);
    const changed = run(
      ['keychain', 'passphrase'],
      { KEYDESK_PASSPHRASE: passphrase },
      'a brand new passphrase\n',
    );
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stderr).toMatch(/ended 1 unlock session/);
    expect(ageDecrypt(vaultPath, 'a brand new passphrase')).toContain('acme-secret');
    expect(() => ageDecrypt(vaultPath, passphrase)).toThrow(
      /incorrect passphrase|no identity matched/,
    );
    expect(ageDecrypt(backup, passphrase)).toContain('acme-secret');
    // The session held the old file key: it opens nothing now.
    expect(run(['accounts', 'secret', 'Acme'], { KEYDESK_SESSION: session }).code).toBe(1);
    expect(
      run(['accounts', 'secret', 'Acme'], { KEYDESK_PASSPHRASE: 'a brand new passphrase' }).stdout,
    ).toBe('acme-secret\n');
  });

  it('changes nothing on a wrong current passphrase or a short new one', () => {
    const { run, vaultPath } = vaultWithAcme();
    const wrong = run(
      ['keychain', 'passphrase'],
      { KEYDESK_PASSPHRASE: 'not the passphrase' },
      'a brand new passphrase\n',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(
      /passphrase for the vault file .* is wrong; nothing was read or changed/,
    );
    const short = run(['keychain', 'passphrase'], { KEYDESK_PASSPHRASE: passphrase }, 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 8 characters/);
    expect(ageDecrypt(vaultPath, passphrase)).toContain('acme-secret');
  });
});
