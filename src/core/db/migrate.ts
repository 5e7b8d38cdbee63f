import type Database from 'better-sqlite3';
import { KeydeskError } from '../../shared/errors';
import type { Migration } from './migration';

/**
 * Brings the database up to the newest migration, each step in its own transaction together with
 * its `user_version` bump, so a crash leaves the database at a whole version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  assertOrdered(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = refuseNewerDatabase(db, migrations);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return latest;
}

/**
 * Reads the schema version and refuses one from a newer Keydesk. Only reads: the caller runs it
 * before anything that writes to the file (even switching to WAL rewrites its header).
 */
export function refuseNewerDatabase(
  db: Database.Database,
  migrations: readonly Migration[],
): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new KeydeskError(
      'DB_FROM_FUTURE',
      `This database was written by a newer Keydesk (schema version ${current}; this Keydesk knows up to ${latest}). ` +
        'Update Keydesk to open it; nothing was changed.',
    );
  }
  return current;
}

/**
 * The registry's versions go 1, 2, 3… with no gap or repeat: a migration added out of order would
 * otherwise be skipped on every database already past its number.
 */
export function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version} at position ${index + 1}; versions must go 1, 2, 3… in the registry (src/core/db/migrations/index.ts).`,
      );
    }
  });
}
