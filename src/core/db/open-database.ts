import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { KeydeskError } from '../../shared/errors';
import { migrate, refuseNewerDatabase } from './migrate';
import { migrations } from './migrations';

export const databaseFileName = 'keydesk.db';

export interface OpenedDatabase {
  db: Database.Database;
  /** Set when a damaged file was moved aside and a fresh database made: say so to the user. */
  notice?: string;
}

/** SQLite's own words for "this file is not a usable database" (not: locked, busy, no access). */
const damagedCodes = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/**
 * Opens (creating if needed) the vault database in the data folder and migrates it. A file that is
 * not a database, or a damaged one, is moved aside (never deleted) and a fresh database is made,
 * so the app and the CLI start and say what happened instead of failing on every run.
 */
export function openDatabase(dataDir: string, now: () => Date = () => new Date()): OpenedDatabase {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new KeydeskError(
      'DB_FAILED',
      `Cannot create the Keydesk data folder ${dataDir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Set KEYDESK_HOME to a folder you can write to.`,
    );
  }
  const path = join(dataDir, databaseFileName);
  restrictToOwner(dataDir);
  try {
    return { db: openAndMigrate(path) };
  } catch (error) {
    if (!(error instanceof DamagedDatabase)) throw error;
    const aside = `${path}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
    }
    restrictToOwner(dataDir);
    const db = openAndMigrate(path);
    return {
      db,
      notice:
        `The Keydesk database was damaged (${error.reason}) and was moved to ${aside}; Keydesk started with an empty vault. ` +
        'Your secrets are still in the keychain. Do not run "keydesk doctor --fix" until you have restored that file or given up on it: it would delete them as orphans.',
    };
  }
}

/**
 * The folder 0700 and every database file in it 0600 (the database, its -wal and -shm, copies moved
 * aside), on every open: a folder that already existed keeps whatever mode it was made with. The
 * database file is created 0600 before SQLite opens it, and SQLite gives its -wal and -shm the
 * database's own mode. Windows has no such modes; its profile folder is private already.
 */
function restrictToOwner(dataDir: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(dataDir, 0o700);
    const path = join(dataDir, databaseFileName);
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
    for (const name of readdirSync(dataDir)) {
      if (name.startsWith(databaseFileName)) chmodSync(join(dataDir, name), 0o600);
    }
  } catch (error) {
    throw new KeydeskError(
      'DB_FAILED',
      `Cannot make the Keydesk data folder ${dataDir} private to you (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check who owns it, or set KEYDESK_HOME to a folder of your own.`,
    );
  }
}

class DamagedDatabase extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function openAndMigrate(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new KeydeskError(
      'DB_FAILED',
      `Could not open the Keydesk database at ${path}: ${(error as Error).message}. Check that the data folder is writable.`,
    );
  }
  try {
    refuseNewerDatabase(db, migrations);
    configure(db);
    migrate(db, migrations);
  } catch (error) {
    db.close();
    if (error instanceof KeydeskError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (damagedCodes.has(code)) throw new DamagedDatabase((error as Error).message);
    throw new KeydeskError(
      'DB_FAILED',
      `The Keydesk database at ${path} could not be read (${(error as Error).message}). Check that the data folder is writable.`,
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
