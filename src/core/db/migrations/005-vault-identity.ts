import { randomUUID } from 'node:crypto';
import type { Migration } from '../migration';

/**
 * Each vault's own id, made once. Every vault on a machine shares the keychain service `Keydesk`;
 * the id in its keychain references keeps one data folder's doctor away from another's secrets.
 */
export const migration005: Migration = {
  version: 5,
  name: 'vault identity',
  up(db) {
    db.exec(`
      CREATE TABLE vault_identity (
        id TEXT PRIMARY KEY NOT NULL,
        created_at TEXT NOT NULL,
        only_one INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (only_one = 1)
      );
    `);
    db.prepare('INSERT INTO vault_identity (id, created_at) VALUES (?, ?)').run(
      randomUUID(),
      new Date().toISOString(),
    );
  },
};

export function readVaultId(db: { prepare(sql: string): { get(): unknown } }): string {
  const row = db.prepare('SELECT id FROM vault_identity').get() as { id: string } | undefined;
  if (!row) throw new Error('The database has no vault identity (migration 005 did not run).');
  return row.id;
}
