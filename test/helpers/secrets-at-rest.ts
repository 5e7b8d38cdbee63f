import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/**
 * Asserts that none of `secrets` occurs in any file under `dataDir` (the database, its WAL and
 * shared memory, anything else), read as raw bytes. Returns how many files were checked.
 */
export function expectNoSecretsAtRest(dataDir: string, secrets: readonly string[]): number {
  const files = readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dataDir, f))
    .filter((f) => statSync(f).isFile());
  expect(files.some((f) => f.endsWith('keydesk.db'))).toBe(true);
  for (const file of files) {
    const bytes = readFileSync(file).toString('latin1');
    for (const secret of secrets) {
      expect(secret.length, 'a secret to look for must not be trivially short').toBeGreaterThan(8);
      expect(bytes.includes(secret), `${secret.slice(0, 24)}… found in ${file}`).toBe(false);
    }
  }
  return files.length;
}
