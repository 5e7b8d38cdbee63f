import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli-in-process';
import { contractCaller } from '../helpers/contract-caller';
import { createMemoryTestKeychain } from '../helpers/keychain';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir, openTestServices } from '../helpers/services';

/**
 * Files Keydesk reads on the user's behalf: only regular files, never through a link, never more
 * than the limit; a key file outside the imported file's folder only when the user says so.
 */
const keychain = createMemoryTestKeychain();
const keys = makeRsaKeys();
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
const dataDir = makeDataDir();
const keydesk = cliInProcess(dataDir);
afterAll(() => keychain.clear());

/** A folder holding a .nexmo-app whose private_key names `keyPath`. */
function nexmoApp(keyPath: string) {
  const dir = mkdtempSync(join(tmpdir(), 'keydesk-files-'));
  writeFileSync(
    join(dir, '.nexmo-app'),
    `[app_config]\napp_id = ${appId}\nprivate_key = ${keyPath}\n`,
  );
  return join(dir, '.nexmo-app');
}

describe('key files named by an imported file', () => {
  beforeAll(async () => {
    await keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], { stdin: 's' });
  });

  it.each([
    [
      'a FIFO',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'keydesk-fifo-'));
        execFileSync('mkfifo', [join(dir, 'key.pem')]);
        return join(dir, 'key.pem');
      },
      /is a named pipe \(FIFO\), not a file/,
    ],
    ['/dev/zero', () => '/dev/zero', /is a device, not a file/],
    ['a folder', () => mkdtempSync(join(tmpdir(), 'keydesk-dir-')), /is a folder|it is a folder/],
    [
      'a symbolic link',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'keydesk-link-'));
        writeFileSync(join(dir, 'real.pem'), keys.pkcs8);
        symlinkSync(join(dir, 'real.pem'), join(dir, 'key.pem'));
        return join(dir, 'key.pem');
      },
      /symbolic link/,
    ],
    [
      'a huge file',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'keydesk-huge-'));
        writeFileSync(join(dir, 'key.pem'), Buffer.alloc(2 * 1024 * 1024, 0x41));
        return join(dir, 'key.pem');
      },
      /larger than 64 KiB/,
    ],
  ])('refuses %s with its own message, and stores nothing', async (_what, make, message) => {
    const keyPath = make();
    // A FIFO that were opened for reading would block: the run (in this process) would never end.
    const result = await keydesk([
      'import',
      nexmoApp(keyPath),
      '--account',
      'Acme',
      '--allow-outside-paths',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/could not be imported/);
    expect((await keydesk(['apps', 'list', '--json'])).stdout).not.toContain(appId);
  });

  it('shows a key path outside the file folder and imports it only with --allow-outside-paths', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'keydesk-elsewhere-'));
    writeFileSync(join(elsewhere, 'id_rsa'), keys.pkcs8);
    const folder = mkdtempSync(join(tmpdir(), 'keydesk-folder-'));
    mkdirSync(join(folder, 'app'));
    const file = join(folder, 'app', '.nexmo-app');
    writeFileSync(
      file,
      `[app_config]\napp_id = ${appId}\nprivate_key = ../../${elsewhere.split('/').pop()}/id_rsa\n`,
    );

    const refused = await keydesk(['import', file, '--account', 'Acme']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(join(elsewhere, 'id_rsa'));
    expect(refused.stderr).toMatch(/outside the imported file's folder.*--allow-outside-paths/);
    expect((await keydesk(['apps', 'list', '--json'])).stdout).not.toContain(appId);

    const allowed = await keydesk(['import', file, '--account', 'Acme', '--allow-outside-paths']);
    expect(allowed.stderr).toMatch(/warning: its private key is read from .*id_rsa, outside/);
    expect(allowed.code).toBe(0);
    expect((await keydesk(['apps', 'list', '--json'])).stdout).toContain(appId);
    await keydesk(['apps', 'remove', appId, '--yes']);
  });

  it('a key next to the file is read without asking', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keydesk-beside-'));
    writeFileSync(join(folder, 'private.key'), keys.pkcs8);
    writeFileSync(
      join(folder, '.nexmo-app'),
      `[app_config]\napp_id = ${appId}\nprivate_key = private.key\n`,
    );
    const result = await keydesk(['import', join(folder, '.nexmo-app'), '--account', 'Acme']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/warning/);
    await keydesk(['apps', 'remove', appId, '--yes']);
  });
});

describe('import --account', () => {
  it('names an account that does not exist: says so, imports nothing, exits 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keydesk-noacct-'));
    const file = join(folder, 'vonage_app.json');
    writeFileSync(file, JSON.stringify({ application_id: appId, private_key: keys.pkcs1 }));
    const result = await keydesk(['import', file, '--account', 'Nobody']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No account is named "Nobody"');
    expect(result.stderr).toMatch(/Nothing imported: 1 item could not be imported/);
    expect(result.stderr).not.toMatch(/Nothing new to import|CLI: --account|choose its file/);
  });
});

describe('what the page may make main read', () => {
  it('cannot name a folder, and an absolute key path needs the user to allow it', async () => {
    const opened = openTestServices(keychain);
    const { ok, fails } = contractCaller(() => opened.invoke);
    await ok('accounts:create', { name: 'Acme', apiKey: 'abcd1234', apiSecret: 's' });
    const keyDir = mkdtempSync(join(tmpdir(), 'keydesk-page-'));
    writeFileSync(join(keyDir, 'key.pem'), keys.pkcs8);
    const input = {
      fileName: '.nexmo-app',
      content: `[app_config]\napp_id = ${appId}\nprivate_key = ${join(keyDir, 'key.pem')}\n`,
      accountName: 'Acme',
    };
    expect(await fails('import:preview', { ...input, sourceDir: keyDir })).toMatchObject({
      code: 'VALIDATION',
    });
    const asked = await ok('import:preview', input);
    expect(asked.items[0]).toMatchObject({
      action: 'error',
      keyOutside: true,
      keyPath: join(keyDir, 'key.pem'),
      note: expect.stringMatching(/Read key files outside the file's folder/),
    });
    expect(asked.items[0]).not.toHaveProperty('fingerprint');
    const allowed = await ok('import:preview', { ...input, allowOutsidePaths: true });
    expect(allowed.items[0]).toMatchObject({ action: 'create', keyOutside: true });
    opened.dispose();
  });
});
