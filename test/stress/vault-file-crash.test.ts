import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileKeychain } from '../../src/core/keychain/file-keychain';
import { ageDecrypt } from '../helpers/age-oracle';
import { makeDataDir } from '../helpers/services';
import { tally } from '../helpers/tally';
import { recordFigure } from './figures';

const worker = join(import.meta.dirname, 'vault-file-writer.ts');
const passphrase = 'stress test passphrase';

/** Runs the writer from entry `start`, kills it `killAfterMs` after its first write. */
function runWriter(path: string, start: number, killAfterMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, path, String(start)], {
    env: { ...process.env, KEYDESK_PASSPHRASE: passphrase },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    if (out === '') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise<{ written: number[]; signal: string | null; stderr: string }>((resolve) =>
    child.on('exit', (_code, signal) =>
      resolve({ written: out.split('\n').filter(Boolean).map(Number), signal, stderr: err }),
    ),
  );
}

const rounds = Number(process.env.KEYDESK_VAULT_FILE_CRASH_ROUNDS ?? 12);
let kills = 0;
afterAll(() => recordFigure('vault file writers killed mid-write, no entry lost', kills));

describe('the vault file under SIGKILL', () => {
  it(`is always the old file or the new one, never lost or torn, across ${rounds} kills`, async () => {
    const folder = makeDataDir();
    const path = join(folder, 'vault.age');
    const reader = createFileKeychain({ path, passphrase: async () => passphrase });
    const written: number[] = [];
    let next = 0;
    for (let round = 0; round < rounds; round += 1) {
      const result = await runWriter(path, next, Math.floor(Math.random() * 150));
      expect(result.signal, result.stderr).toBe('SIGKILL');
      kills += 1;
      tally('faults injected');
      written.push(...result.written);
      const stored = await reader.readAll();
      const lost = written.filter((i) => !stored.has(`entry/${i}`));
      expect(lost, `round ${round}: entries written and then lost`).toEqual([]);
      // At most the one write in flight got in without being reported.
      const last = Math.max(next - 1, ...result.written);
      expect(stored.size).toBeLessThanOrEqual(last + 2);
      next = last + 2;
    }
    const plaintext = JSON.parse(ageDecrypt(path, passphrase)) as { entries: object };
    expect(Object.keys(plaintext.entries).length).toBeGreaterThanOrEqual(written.length);
    const debris = readdirSync(folder).filter((name) => name.endsWith('.tmp')).length;
    recordFigure('temporary files left by the kills (doctor --fix removes them)', debris);
  });
});
