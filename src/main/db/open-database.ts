import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { KeydeskError } from '../../shared/errors';
import { migrate } from './migrate';
import { migrations } from './migrations';

export const databaseFileName = 'keydesk.db';

/** Opens (creating if needed) the vault database in the data folder and migrates it. */
export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, databaseFileName);
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new KeydeskError(
      'DB_FAILED',
      `Could not open the Keydesk database at ${path}: ${(error as Error).message}`,
    );
  }
  try {
    configure(db);
    migrate(db, migrations);
  } catch (error) {
    db.close();
    if (error instanceof KeydeskError) throw error;
    throw new KeydeskError(
      'DB_FAILED',
      `The Keydesk database at ${path} could not be read (${(error as Error).message}). ` +
        'If it was damaged, move it aside and start again; your secrets stay in the keychain.',
    );
  }
  return db;
}

function configure(db: Database.Database): void {
  // WAL lets the CLI read while the app writes; the busy timeout covers the moments both write.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
}
