import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileKeychain } from '../../src/core/keychain/file-keychain';
import { deleteEntries, setEntries, type Keychain } from '../../src/core/keychain/keychain';
import { createMemoryKeychain } from '../../src/core/keychain/memory-keychain';
import { createTestKeychain } from '../helpers/keychain';
import { makeDataDir } from '../helpers/services';

/**
 * One contract for every keychain backend: the OS keychain (a real gnome-keyring), the vault file
 * (a real age file) and memory. What Keydesk relies on is said once and held by all three, so a
 * backend is a peer of the others, not a branch in the code that uses it.
 */
const backends: [string, () => { keychain: Keychain; clear(): Promise<void> }][] = [
  [
    'the OS keychain',
    () => {
      const keychain = createTestKeychain();
      return { keychain, clear: () => keychain.clear() };
    },
  ],
  [
    'the vault file',
    () => ({
      keychain: createFileKeychain({
        path: join(makeDataDir(), 'vault.age'),
        passphrase: async () => 'keychain contract passphrase',
      }),
      clear: async () => undefined,
    }),
  ],
  ['memory', () => ({ keychain: createMemoryKeychain(), clear: async () => undefined })],
];

describe.each(backends)('%s, as every keychain backend', (name, make) => {
  it('says its kind and describes itself', () => {
    const { keychain } = make();
    expect(['os', 'file', 'memory']).toContain(keychain.kind);
    expect(keychain.describe?.()).toMatch(name === 'memory' ? /memory/ : new RegExp(name));
  });

  it('reports its own status: answering, in use, and where', async () => {
    const { keychain, clear } = make();
    try {
      await keychain.set('s/1', 'x');
      const status = await keychain.status?.();
      expect(status).toMatchObject({
        state: 'ok',
        backend: keychain.kind === 'file' ? 'file' : 'os',
      });
      if (keychain.kind === 'file') expect(status?.vaultFile).toMatchObject({ exists: true });
      else expect(status?.vaultFile).toBeUndefined();
    } finally {
      await clear();
    }
  });

  it('answers null for a missing entry, and what was stored, byte for byte', async () => {
    const { keychain, clear } = make();
    try {
      expect(await keychain.get('account/none/apiSecret')).toBeNull();
      const unicode = 'sécret 🔑 ÅΩ \u0000 end';
      const big = `-----BEGIN PRIVATE KEY-----\n${'K'.repeat(70_000)}\n-----END PRIVATE KEY-----\n`;
      await keychain.set('account/1/apiSecret', unicode);
      await keychain.set('application/2/privateKey', big);
      expect(await keychain.get('account/1/apiSecret')).toBe(unicode);
      expect(await keychain.get('application/2/privateKey')).toBe(big);
      await keychain.set('account/1/apiSecret', 'replaced');
      expect(await keychain.get('account/1/apiSecret')).toBe('replaced');
    } finally {
      await clear();
    }
  });

  it('lists and reads every entry, and deletes saying whether there was one', async () => {
    const { keychain, clear } = make();
    try {
      await keychain.set('a/1', 'one');
      await keychain.set('b/2', 'two');
      expect((await keychain.listRefs()).sort()).toEqual(['a/1', 'b/2']);
      expect(await keychain.readAll()).toEqual(
        new Map([
          ['a/1', 'one'],
          ['b/2', 'two'],
        ]),
      );
      expect(await keychain.delete('a/1')).toBe(true);
      expect(await keychain.delete('a/1')).toBe(false);
      expect(await keychain.listRefs()).toEqual(['b/2']);
    } finally {
      await clear();
    }
  });

  it('writes and removes many entries at once', async () => {
    const { keychain, clear } = make();
    try {
      const many = Array.from({ length: 25 }, (_, i): [string, string] => [`m/${i}`, `v${i}`]);
      await setEntries(keychain, many);
      expect((await keychain.readAll()).size).toBe(25);
      expect(
        await deleteEntries(
          keychain,
          many.map(([ref]) => ref),
        ),
      ).toEqual([]);
      expect(await keychain.listRefs()).toEqual([]);
    } finally {
      await clear();
    }
  });
});
