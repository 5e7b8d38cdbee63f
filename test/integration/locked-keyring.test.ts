import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, cliPath } from '../helpers/cli';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';
import { startMain, type ShellState } from '../shell/main-process';

/**
 * A real gnome-keyring in a D-Bus session of its own, unlocked while Keydesk stores an account
 * and an application, then locked (Secret Service `Lock`), with no display for the unlock prompt:
 * what a support engineer gets over SSH or after the screen locked.
 */
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
const dataDir = makeDataDir();
const service = 'Keydesk-locked-test';
let session: ChildProcessWithoutNullStreams;
let bus = '';

const script = `
set -euo pipefail
export XDG_DATA_HOME="$(mktemp -d)" XDG_RUNTIME_DIR="$(mktemp -d)"
chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
printf pw | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / \\
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
    grep -q "boolean true" && break
  sleep 0.1
done
echo "BUS=$DBUS_SESSION_BUS_ADDRESS"
read -r _
dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \\
  org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
echo LOCKED
sleep 300
`;

function keydesk(args: string[], stdin = '') {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    input: stdin,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: bus,
      DISPLAY: '',
      KEYDESK_HOME: dataDir,
      KEYDESK_KEYCHAIN_SERVICE: service,
      KEYDESK_KEYCHAIN_TIMEOUT_MS: '8000',
    },
  });
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

let printed = '';

/** Waits for the keyring session to print `pattern` (its output is kept, the stream never closed). */
async function lineFrom(pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const match = pattern.exec(printed);
    if (match) return match[1] ?? match[0];
    if (Date.now() > deadline || session.exitCode !== null) {
      throw new Error(`The keyring session never printed ${pattern}: ${printed}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  assertCliBuilt();
  session = spawn('dbus-run-session', ['--', 'bash', '-c', script]);
  session.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  bus = await lineFrom(/BUS=(\S+)/);
  // Keydesk's entries, stored while the keyring is unlocked
  expect(
    keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], 'Locked-Secret-1'),
  ).toMatchObject({ code: 0 });
  expect(
    keydesk(
      ['apps', 'add', '--account', 'Acme', '--id', appId, '--name', 'Voice', '--key-stdin'],
      makeRsaKeys().pkcs8,
    ),
  ).toMatchObject({ code: 0 });
  expect(keydesk(['jwt', 'Voice']).code).toBe(0);
  session.stdin.write('lock\n');
  await lineFrom(/LOCKED/);
}, 60_000);

afterAll(async () => {
  session?.kill();
  if (session && session.exitCode === null) await once(session, 'exit');
});

describe('a locked keyring that holds Keydesk entries', () => {
  it('jwt says the keyring is locked and what to do, never that the key was deleted', () => {
    const result = keydesk(['jwt', 'Voice']);
    expect(result.code).not.toBe(0);
    expect(result.signal).toBeNull();
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/keychain is locked.*Unlock your login keyring/);
    expect(result.stderr).not.toMatch(/deleted|doctor/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('doctor reports the locked keyring instead of crashing, and --fix deletes nothing', () => {
    for (const args of [['doctor'], ['doctor', '--fix']]) {
      const result = keydesk(args);
      expect(result.signal, args.join(' ')).toBeNull();
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr, args.join(' ')).toMatch(/locked/);
    }
    expect(keydesk(['apps', 'list', '--json']).stdout).toContain(appId);
  });

  it('adding an account is refused as locked, and nothing half-stored', () => {
    const result = keydesk(['accounts', 'add', '--name', 'Globex', '--api-key', 'ffff0000'], 's');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/locked/);
    const names = (
      JSON.parse(keydesk(['accounts', 'list', '--json']).stdout) as { name: string }[]
    ).map((account) => account.name);
    expect(names).toEqual(['Acme']);
  });

  it("the app's banner and a reveal say locked", async () => {
    const main = startMain({
      env: {
        DBUS_SESSION_BUS_ADDRESS: bus,
        DISPLAY: '',
        KEYDESK_HOME: dataDir,
        KEYDESK_KEYCHAIN_SERVICE: service,
        KEYDESK_KEYCHAIN_TIMEOUT_MS: '8000',
      },
    });
    try {
      await main.waitFor('app.requestSingleInstanceLock');
      await main.send({ op: 'ready' });
      await main.waitFor('BrowserWindow.show');
      const [window] = (await main.send<ShellState>({ op: 'state' })).windows;
      const invoke = (channel: string, input: unknown) =>
        main.send<{ ok: boolean; value?: unknown; error?: unknown }>({
          op: 'invoke',
          webContentsId: window?.webContentsId ?? 0,
          channel,
          args: [input],
        });
      expect(await invoke('system:status', {})).toMatchObject({
        ok: true,
        value: { keychain: { state: 'locked', message: expect.stringMatching(/Unlock/) } },
      });
      const accounts = (await invoke('accounts:list', {})) as { value: { id: string }[] };
      const reveal = await invoke('accounts:revealSecret', {
        id: accounts.value[0]?.id,
        which: 'apiSecret',
      });
      expect(reveal).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_LOCKED' } });
    } finally {
      await main.stop();
    }
  });
});
