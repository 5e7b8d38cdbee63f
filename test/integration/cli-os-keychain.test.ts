import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, cliPath, cliRunner } from '../helpers/cli';
import { createTestKeychain, vaultKeychainOf } from '../helpers/keychain';
import { makeDataDir } from '../helpers/services';

/**
 * What only the OS keychain does: a Secret Service that is missing or locked, and other data
 * folders' entries under the same service. (The rest of the CLI suite runs on both keychains.)
 */
const keychain = createTestKeychain();
const dataDir = makeDataDir();
const keydesk = cliRunner(dataDir, keychain.service);

beforeAll(() => {
  assertCliBuilt();
  expect(
    keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], { stdin: 'acme-1' }),
  ).toMatchObject({ code: 0 });
});
afterAll(() => keychain.clear());

describe('keydesk on the OS keychain', () => {
  it('says what to do when no Secret Service is reachable, and stores nothing', () => {
    const result = keydesk(['accounts', 'add', '--name', 'Initech', '--api-key', '11112222'], {
      stdin: 's',
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /No OS keychain is reachable.*Secret Service such as GNOME Keyring/,
    );
    // …and, one line more, the way to work without one.
    expect(result.stderr).toMatch(/\n.*KEYDESK_KEYCHAIN=file.*keydesk keychain migrate --to file/);
    expect(
      JSON.parse(keydesk(['accounts', 'list', '--json']).stdout).map(
        (a: { name: string }) => a.name,
      ),
    ).not.toContain('Initech');
  });

  it('says to unlock the keyring when the Secret Service has no unlocked login keyring', () => {
    // A second, real gnome-keyring in its own D-Bus session, started without --unlock and with
    // no display for its unlock prompt: what a headless login or a fresh machine looks like.
    const script = `gnome-keyring-daemon --foreground --components=secrets >/dev/null 2>&1 & sleep 0.5;
      printf s | "${process.execPath}" "${cliPath}" accounts add --name Locked --api-key 33334444`;
    const result = spawnSync('dbus-run-session', ['--', 'bash', '-c', script], {
      encoding: 'utf8',
      timeout: 20_000,
      env: {
        ...process.env,
        KEYDESK_HOME: dataDir,
        KEYDESK_KEYCHAIN_TIMEOUT_MS: '5000',
        DISPLAY: '',
        XDG_DATA_HOME: makeDataDir(),
      },
    });
    expect(result.stderr).toMatch(
      /keydesk: The OS keychain (has no unlocked login keyring|is locked|did not answer).*(unlock|Unlock)/,
    );
    expect(result.status).toBe(1);
    expect(
      JSON.parse(keydesk(['accounts', 'list', '--json']).stdout).map(
        (a: { name: string }) => a.name,
      ),
    ).not.toContain('Locked');
  });

  it("doctor --fix in one data folder never touches another vault's entries in the same service", async () => {
    const otherHome = makeDataDir();
    const other = cliRunner(otherHome, keychain.service);
    expect(
      other(['accounts', 'add', '--name', 'Other', '--api-key', 'aaaa0000'], { stdin: 'o-1' }),
    ).toMatchObject({ code: 0 });
    const otherVault = vaultKeychainOf(otherHome, keychain);
    const before = await otherVault.listRefs();
    expect(before).toHaveLength(1);
    const report = keydesk(['doctor', '--fix']);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/Left alone: 1 keychain entry of another Keydesk vault/);
    expect(report.stdout).not.toMatch(/Orphan|Deleted/);
    expect(await otherVault.listRefs()).toEqual(before);
    expect(await otherVault.get(before[0] ?? '')).toBe('o-1');
    expect(other(['doctor']).code).toBe(0);
    other(['accounts', 'remove', 'Other', '--yes']);
  });
});
