import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFileKeychain } from '../../src/core/keychain/file-keychain';
import { ageDecrypt, ageEncrypt } from '../helpers/age-oracle';
import { makeDataDir, openTestServices } from '../helpers/services';
import { keychainOpener } from '../../src/core/services';
import { contractCaller } from '../helpers/contract-caller';
import { makeRsaKeys } from '../helpers/keys';

const passphrase = 'correct horse battery staple';

/** A file keychain in a fresh folder whose passphrase source counts how often it is asked. */
function fileVault(path = join(makeDataDir(), 'vault.age'), given = passphrase) {
  const asked: string[] = [];
  const keychain = createFileKeychain({
    path,
    passphrase: async (purpose) => {
      asked.push(purpose);
      return given;
    },
  });
  return { keychain, asked, path };
}

const entriesIn = (plaintext: string) =>
  (JSON.parse(plaintext) as { entries: Record<string, string> }).entries;

describe('the vault file (age, passphrase)', () => {
  it('is a normal age file: age -d opens it after every rewrite, and only its owner can read it', async () => {
    const { keychain, path } = fileVault();
    await keychain.set('account/1/apiSecret', 'first secret');
    expect(entriesIn(ageDecrypt(path, passphrase))).toEqual({
      'account/1/apiSecret': 'first secret',
    });
    // Rewrites reuse the header and file key with a fresh payload nonce: still age's format,
    // also past one 64 KiB chunk.
    const pem = `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(70_000)}\n-----END PRIVATE KEY-----\n`;
    await keychain.set('application/2/privateKey', pem);
    await keychain.delete('account/1/apiSecret');
    expect(entriesIn(ageDecrypt(path, passphrase))).toEqual({ 'application/2/privateKey': pem });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reads a file written by age -p itself', async () => {
    const folder = makeDataDir();
    const plain = join(folder, 'plain.json');
    writeFileSync(
      plain,
      JSON.stringify({
        keydesk: 'vault file',
        version: 1,
        entries: { 'account/9/apiSecret': 'x' },
      }),
    );
    ageEncrypt(plain, join(folder, 'vault.age'), passphrase);
    const { keychain } = fileVault(join(folder, 'vault.age'));
    expect(await keychain.get('account/9/apiSecret')).toBe('x');
    await keychain.set('account/9/apiSecret', 'y');
    expect(entriesIn(ageDecrypt(join(folder, 'vault.age'), passphrase))).toEqual({
      'account/9/apiSecret': 'y',
    });
  });

  it('reads age -p files of one, exactly one and several 64 KiB chunks again with the key it kept', async () => {
    const folder = makeDataDir();
    const plain = join(folder, 'plain.json');
    const json = (value: string) =>
      JSON.stringify({ keydesk: 'vault file', version: 1, entries: { big: value } });
    // 64 KiB exactly, once the JSON around the value is counted.
    const exact = 'b'.repeat(65_536 - json('').length);
    for (const value of ['small', exact, 'c'.repeat(200_000)]) {
      writeFileSync(plain, json(value));
      const path = join(folder, `vault-${value.length}.age`);
      ageEncrypt(plain, path, passphrase);
      const { keychain, asked } = fileVault(path);
      expect(await keychain.get('big')).toBe(value);
      // The second read opens the payload with the kept key (node:crypto, not age-encryption).
      expect(await keychain.get('big')).toBe(value);
      expect(asked).toEqual(['open']);
      // A payload cut short or changed is refused, not read in part.
      const bytes = readFileSync(path);
      writeFileSync(path, bytes.subarray(0, bytes.length - 20));
      await expect(keychain.get('big')).rejects.toThrow(/not a readable age file/);
      const flipped = Buffer.from(bytes);
      flipped[flipped.length - 1] = (flipped.at(-1) ?? 0) ^ 1;
      writeFileSync(path, flipped);
      await expect(keychain.get('big')).rejects.toThrow(/not a readable age file/);
    }
  });

  it('asks for the passphrase once a process, even after another process rewrote the file', async () => {
    const first = fileVault();
    await first.keychain.set('a', '1');
    const second = fileVault(first.path);
    await second.keychain.set('b', '2');
    for (let i = 0; i < 5; i += 1) await first.keychain.set(`c${i}`, String(i));
    expect(await first.keychain.get('b')).toBe('2');
    expect((await second.keychain.readAll()).size).toBe(7);
    expect(first.asked).toEqual(['create']);
    expect(second.asked).toEqual(['open']);
  });

  it('keeps a passphrase as typed, as age does (NFD stays NFD), and opens files keyed with its NFC form', async () => {
    const typed = 'cafe\u0301 cre\u0300me passphrase'; // decomposed accents, as some keyboards send them
    const nfc = typed.normalize('NFC');
    expect(nfc).not.toBe(typed);
    const { keychain, path } = fileVault(undefined, typed);
    await keychain.set('account/1/apiSecret', 'kept');
    // age itself, given the same keystrokes, opens it; the NFC form is another passphrase to age.
    expect(entriesIn(ageDecrypt(path, typed))).toEqual({ 'account/1/apiSecret': 'kept' });
    expect(() => ageDecrypt(path, nfc)).toThrow();

    // A file keyed with the NFC form (what Keydesk wrote before) opens with the typed form too.
    const folder = makeDataDir();
    const plain = join(folder, 'plain.json');
    writeFileSync(
      plain,
      JSON.stringify({ keydesk: 'vault file', version: 1, entries: { a: '1' } }),
    );
    ageEncrypt(plain, join(folder, 'vault.age'), nfc);
    expect(await fileVault(join(folder, 'vault.age'), typed).keychain.get('a')).toBe('1');
  });

  it('a wrong passphrase reads nothing and changes nothing', async () => {
    const { keychain, path } = fileVault();
    await keychain.set('a', 'kept');
    const before = readFileSync(path);
    const intruder = fileVault(path, 'not the passphrase');
    await expect(intruder.keychain.set('a', 'replaced')).rejects.toMatchObject({
      code: 'KEYCHAIN_LOCKED',
      field: 'passphrase',
      message: expect.stringMatching(/passphrase for the vault file .* is wrong; nothing/),
    });
    await expect(intruder.keychain.get('a')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a damaged file is reported and left as it is', async () => {
    const { keychain, path } = fileVault();
    await keychain.set('a', 'kept');
    const damaged = readFileSync(path);
    const at = damaged.length - 5;
    damaged.writeUInt8(damaged.readUInt8(at) ^ 0xff, at);
    writeFileSync(path, damaged);
    const reader = fileVault(path);
    await expect(reader.keychain.get('a')).rejects.toMatchObject({
      code: 'KEYCHAIN_FAILED',
      message: expect.stringMatching(/not a readable age file.*left it as it is/),
    });
    await expect(reader.keychain.set('b', 'x')).rejects.toMatchObject({ code: 'KEYCHAIN_FAILED' });
    expect(readFileSync(path).equals(damaged)).toBe(true);
  });

  it('refuses a short passphrase for a new file, and creates none', async () => {
    const { keychain, path } = fileVault(undefined, 'short');
    await expect(keychain.set('a', '1')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/at least 8 characters/),
    });
    expect(() => statSync(path)).toThrow();
  });

  it('without a passphrase source (the app), stays locked until unlocked, and locks again when idle', async () => {
    const path = join(makeDataDir(), 'vault.age');
    const app = createFileKeychain({ path, idleLockMs: () => 300 });
    await expect(app.set('a', '1')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    await app.unlock(passphrase);
    expect(await app.state()).toEqual({ exists: true, unlocked: true });
    await app.set('a', '1');
    await expect(app.unlock('a wrong one')).rejects.toMatchObject({ field: 'passphrase' });
    expect((await app.state()).unlocked).toBe(false);
    await app.unlock(passphrase);
    expect(await app.get('a')).toBe('1');
    // Asking for its state (the window does, every few seconds) is not a use.
    for (let ask = 0; ask < 6; ask += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await app.state();
    }
    expect(await app.state()).toEqual({ exists: true, unlocked: false });
    await expect(app.get('a')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    app.lock();
  });

  it('a writer killed while holding the lock holds up the next one for seconds, not for ever', async () => {
    const { keychain, path } = fileVault();
    await keychain.set('a', '1');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `require('proper-lockfile').lock(${JSON.stringify(path)}, { realpath: false, stale: 5000 }).then(() => { console.log('locked'); setInterval(() => {}, 1000); });`,
      ],
      { cwd: join(import.meta.dirname, '..', '..') },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    holder.kill('SIGKILL');
    // The lock goes stale 5 s after the holder's last refresh; the writer waits that out (it
    // would give up with KEYCHAIN_TIMEOUT after about 20 s if the lock were never freed).
    await keychain.set('b', '2');
    expect(entriesIn(ageDecrypt(path, passphrase))).toEqual({ a: '1', b: '2' });
  });
});

describe('locking the vault file (the app)', () => {
  it('forgets the keys parsed from it and the tokens they minted when it locks', async () => {
    const dataDir = makeDataDir();
    const env = { KEYDESK_KEYCHAIN: 'file' };
    const opened = openTestServices(keychainOpener(env, dataDir), { dataDir, env });
    const { services, invoke } = opened;
    const { ok, fails } = contractCaller(() => invoke);
    try {
      await ok('keychain:unlock', { passphrase });
      const account = await ok('accounts:create', {
        name: 'Acme',
        apiKey: 'acme0001',
        apiSecret: 's3cret-A1',
      });
      const keys = makeRsaKeys();
      const app = await ok('apps:create', {
        accountId: account.id,
        id: 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000f1',
        name: 'Voice',
        key: { kind: 'pem', pem: keys.pkcs8 },
      });
      await ok('clipboard:copy', { what: 'jwt', format: 'raw', mint: { applicationId: app.id } });
      expect(services.signingKeys.size).toBe(1);
      expect(services.lastTokens.size).toBe(1);
      await ok('keychain:lock', {});
      expect(services.signingKeys.size).toBe(0);
      expect(services.lastTokens.size).toBe(0);
      // Nothing cached mints or copies a token while it is locked.
      expect(
        await fails('clipboard:copy', {
          what: 'jwt',
          format: 'raw',
          mint: { applicationId: app.id },
        }),
      ).toMatchObject({ code: 'KEYCHAIN_LOCKED' });
      expect(
        await fails('clipboard:copy', { what: 'lastJwt', applicationId: app.id, format: 'raw' }),
      ).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      opened.dispose();
    }
  });
});

describe('a writer that stalls past the lock', () => {
  it('fails its write instead of replacing what another writer wrote meanwhile', async () => {
    const folder = makeDataDir();
    const path = join(folder, 'vault.age');
    // A writer that creates the file and stops (SIGSTOP) while it holds the lock, at the moment
    // it asks for the new file's passphrase: its lock goes stale while it cannot refresh it.
    const script = `
      const { createFileKeychain } = require(${JSON.stringify(join(import.meta.dirname, '..', '..', 'src', 'core', 'keychain', 'file-keychain.ts'))});
      const keychain = createFileKeychain({ path: ${JSON.stringify(path)}, passphrase: () => {
        process.stdout.write('asking\\n');
        return new Promise((resolve) => process.stdin.once('data', () => resolve(${JSON.stringify(passphrase)})));
      } });
      keychain.set('from-the-stalled-writer', '1').then(
        () => process.stdout.write('written\\n'),
        (error) => process.stdout.write('refused: ' + error.message + '\\n'),
      );`;
    const stalled = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    stalled.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await vi.waitFor(() => expect(output).toContain('asking'), { timeout: 15_000 });
    stalled.kill('SIGSTOP');
    // Another writer waits out the stale lock (5 s), takes it and writes.
    const other = fileVault(path);
    await other.keychain.set('from-the-other-writer', '2');
    stalled.kill('SIGCONT');
    stalled.stdin.write('go\n');
    await vi.waitFor(() => expect(output).toMatch(/written|refused/), { timeout: 15_000 });
    stalled.kill();
    expect(output).toContain('refused: Keydesk stalled while writing the vault file');
    expect(entriesIn(ageDecrypt(path, passphrase))).toEqual({ 'from-the-other-writer': '2' });
  }, 40_000);
});
