import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBuildId } from '../../scripts/build-id.mjs';
import { assertCliBuilt, cliRunner } from '../helpers/cli';
import { createTestKeychain } from '../helpers/keychain';
import { makeDataDir } from '../helpers/services';

/** The V8 code cache the CLI's launcher keeps per command, made after a run. */
const keychain = createTestKeychain();
const keydesk = cliRunner(makeDataDir(), keychain.service);
const root = join(import.meta.dirname, '..', '..');
beforeAll(() => assertCliBuilt());

function cacheFolder(mode = 0o700): string {
  const folder = mkdtempSync(join(tmpdir(), 'keydesk-cache-test-'));
  chmodSync(folder, mode);
  return folder;
}
const files = (folder: string) => readdirSync(folder).sort();
const buildHash = () => readFileSync(join(root, 'out', 'cli', 'build-id'), 'utf8').trim();

describe('the CLI code cache', () => {
  it('is made once per command, named by the build hash, used afterwards, made again when V8 refuses it', () => {
    const folder = cacheFolder();
    const env = { KEYDESK_CODE_CACHE_DIR: folder };
    const plain = keydesk(['accounts', 'list'], { env });
    expect(plain.code).toBe(0);
    const [made] = files(folder);
    expect(made).toBe(`${buildHash()}-${process.version}-${process.arch}-accounts.bin`);
    const path = join(folder, made ?? '');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const first = statSync(path).mtimeMs;
    expect(keydesk(['accounts', 'list'], { env }).code).toBe(0);
    // Accepted: not written again.
    expect(statSync(path).mtimeMs).toBe(first);
    expect(keydesk(['--version'], { env }).code).toBe(0);
    expect(files(folder)).toHaveLength(2);

    // A damaged cache is refused by V8; the command still works and the cache is made anew.
    writeFileSync(path, Buffer.alloc(4096, 7));
    const listed = keydesk(['accounts', 'list'], { env });
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe(plain.stderr);
    expect(statSync(path).size).toBeGreaterThan(4096);
  });

  it('lives in the user cache folder, never in the shared temporary folder', () => {
    const home = mkdtempSync(join(tmpdir(), 'keydesk-home-'));
    const tmp = cacheFolder();
    const env = { HOME: home, XDG_CACHE_HOME: '', TMPDIR: tmp, KEYDESK_CODE_CACHE_DIR: '' };
    expect(keydesk(['--version'], { env }).code).toBe(0);
    const folder = join(home, '.cache', 'keydesk', 'code');
    expect(files(folder)).toEqual([`${buildHash()}-${process.version}-${process.arch}-other.bin`]);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(files(tmp)).toEqual([]);

    const xdg = mkdtempSync(join(tmpdir(), 'keydesk-xdg-'));
    expect(keydesk(['--version'], { env: { ...env, XDG_CACHE_HOME: xdg } }).code).toBe(0);
    expect(files(join(xdg, 'keydesk', 'code'))).toHaveLength(1);
  });

  it('is never read from or written to a folder others may write to', () => {
    const folder = cacheFolder(0o777);
    expect(keydesk(['accounts', 'list'], { env: { KEYDESK_CODE_CACHE_DIR: folder } }).code).toBe(0);
    expect(files(folder)).toEqual([]);
  });

  it('refuses a symlink planted as its folder: the files it points at stay untouched', () => {
    // Another user's /tmp/keydesk-code-cache-<uid> -> ~/.ssh, in the finding this test is for.
    const victim = cacheFolder();
    writeFileSync(join(victim, 'id_ed25519'), 'PRIVATE KEY');
    writeFileSync(join(victim, 'v24.0.0-x64-1-2-jwt.bin'), 'a name the old cache removed');
    const planted = join(cacheFolder(), 'code-cache');
    symlinkSync(victim, planted);
    const run = keydesk(['accounts', 'list'], { env: { KEYDESK_CODE_CACHE_DIR: planted } });
    expect(run.code).toBe(0);
    expect(files(victim)).toEqual(['id_ed25519', 'v24.0.0-x64-1-2-jwt.bin']);
  });

  it('removes only the caches of other builds from its folder, nothing else', () => {
    const folder = cacheFolder();
    const oldBuild = `${'0'.repeat(64)}-${process.version}-${process.arch}-jwt.bin`;
    for (const name of [oldBuild, 'notes.txt', 'private.key', 'x.bin'])
      writeFileSync(join(folder, name), 'x');
    expect(keydesk(['--version'], { env: { KEYDESK_CODE_CACHE_DIR: folder } }).code).toBe(0);
    expect(files(folder)).toEqual(
      [
        'notes.txt',
        'private.key',
        'x.bin',
        `${buildHash()}-${process.version}-${process.arch}-other.bin`,
      ].sort(),
    );
  });

  it('is not used for a rebuilt bundle of the same size and modification time', () => {
    // An install of its own, whose bundle is edited in place as a rebuild (or rsync, cp -p, npm
    // pack's fixed times) would leave it: same length, same mtime, different code.
    const install = mkdtempSync(join(tmpdir(), 'keydesk-install-'));
    mkdirSync(join(install, 'bin'));
    // Its out/cli without the commands' bundles: the whole CLI runs every command.
    mkdirSync(join(install, 'out', 'cli', 'commands'), { recursive: true });
    copyFileSync(join(root, 'bin', 'keydesk.cjs'), join(install, 'bin', 'keydesk.cjs'));
    copyFileSync(join(root, 'package.json'), join(install, 'package.json'));
    for (const name of ['keydesk.cjs', 'build-id', 'launcher.cjs'])
      copyFileSync(join(root, 'out', 'cli', name), join(install, 'out', 'cli', name));
    symlinkSync(join(root, 'node_modules'), join(install, 'node_modules'));
    const bundle = join(install, 'out', 'cli', 'keydesk.cjs');
    const folder = cacheFolder();
    const help = () =>
      spawnSync(process.execPath, [join(install, 'bin', 'keydesk.cjs'), '--help'], {
        encoding: 'utf8',
        env: { ...process.env, KEYDESK_CODE_CACHE_DIR: folder },
      }).stdout;
    expect(help()).toContain('Mint a Vonage JWT');
    expect(help()).toContain('Mint a Vonage JWT'); // from the cache now
    expect(files(folder)).toHaveLength(1);

    const { atime, mtime, size } = statSync(bundle);
    const edited = readFileSync(bundle, 'utf8').replace('Mint a Vonage JWT', 'Mint a VONAGE JWT');
    writeFileSync(bundle, edited);
    writeBuildId(join(install, 'out', 'cli'));
    utimesSync(bundle, atime, mtime);
    expect(statSync(bundle).size).toBe(size);
    expect(help()).toContain('Mint a VONAGE JWT');
    expect(existsSync(join(folder, files(folder)[0] ?? ''))).toBe(true);
  });
});
