import type Database from 'better-sqlite3';
import { foldName } from '../../../shared/fold-name';
import type { Migration } from '../migration';

/**
 * Names compared by a Unicode case-fold of their NFC form (COLLATE NOCASE folds ASCII only:
 * `ZÜRICH` did not find `Zürich`). Code keeps `name_fold` with every write of a name; unique
 * indexes on it replace the NOCASE ones for lookups and clashes.
 */
export const migration006: Migration = {
  version: 6,
  name: 'folded names',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN name_fold TEXT NOT NULL DEFAULT '';
      ALTER TABLE applications ADD COLUMN name_fold TEXT NOT NULL DEFAULT '';
    `);
    backfill(db, 'accounts', 'SELECT id, name, NULL AS scope FROM accounts ORDER BY created_at');
    backfill(
      db,
      'applications',
      'SELECT id, name, account_id AS scope FROM applications ORDER BY created_at',
    );
    db.exec(`
      CREATE UNIQUE INDEX accounts_name_fold ON accounts (name_fold);
      CREATE UNIQUE INDEX applications_name_fold_per_account ON applications (account_id, name_fold);
    `);
  },
};

/**
 * Two names that only the new folding makes equal (made before it) both stay: the later one's
 * fold gets its id appended, so it is still found by its id and its exact name.
 */
function backfill(db: Database.Database, table: 'accounts' | 'applications', select: string) {
  const rows = db.prepare(select).all() as { id: string; name: string; scope: string | null }[];
  const update = db.prepare(`UPDATE ${table} SET name_fold = ? WHERE id = ?`);
  const seen = new Set<string>();
  for (const row of rows) {
    let fold = foldName(row.name);
    if (seen.has(`${row.scope}\u0000${fold}`)) fold = `${fold}\u0000${row.id}`;
    seen.add(`${row.scope}\u0000${fold}`);
    update.run(fold, row.id);
  }
}
