import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, cliRunner } from '../helpers/cli';
import { createTestKeychain } from '../helpers/keychain';
import { makeDataDir } from '../helpers/services';

/** The V8 code cache bin/keydesk.js keeps per command, made after a run. */
const keychain = createTestKeychain();
const keydesk = cliRunner(makeDataDir(), keychain.service);
beforeAll(() => assertCliBuilt());

function cacheFolder(mode = 0o700): string {
  const folder = mkdtempSync(join(tmpdir(), 'keydesk-cache-test-'));
  chmodSync(folder, mode);
  return folder;
}
const files = (folder: string) => readdirSync(folder).sort();

describe('the CLI code cache', () => {
  it('is made once per command, used afterwards, and made again when V8 refuses it', () => {
    const folder = cacheFolder();
    const env = { KEYDESK_CODE_CACHE_DIR: folder };
    const plain = keydesk(['accounts', 'list'], { env });
    expect(plain.code).toBe(0);
    const [made] = files(folder);
    expect(made).toMatch(/-accounts\.bin$/);
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

  it('is never read from or written to a folder others may write to', () => {
    const folder = cacheFolder(0o777);
    expect(keydesk(['accounts', 'list'], { env: { KEYDESK_CODE_CACHE_DIR: folder } }).code).toBe(0);
    expect(files(folder)).toEqual([]);
  });
});
