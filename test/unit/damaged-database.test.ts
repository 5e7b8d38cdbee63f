import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName, openDatabase } from '../../src/core/db/open-database';
import { tally } from '../helpers/tally';

const tempDir = () => mkdtempSync(join(tmpdir(), 'keydesk-damaged-'));
const now = () => new Date('2026-11-22T10:00:00Z');

describe('a damaged database file', () => {
  it('is moved aside, never deleted, and a fresh database is made with a notice that says where', () => {
    const dir = tempDir();
    const garbage = 'this is not a SQLite database, just some text that was saved over it\n'.repeat(
      100,
    );
    writeFileSync(join(dir, databaseFileName), garbage);
    tally('faults injected');
    const { db, notice } = openDatabase(dir, now);
    expect(db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
    db.close();
    const aside = join(dir, `${databaseFileName}.damaged-2026-11-22T10-00-00-000Z`);
    expect(readFileSync(aside, 'utf8')).toBe(garbage);
    expect(notice).toContain(`moved to ${aside}`);
    expect(notice).toMatch(/secrets are still in the keychain.*Do not run "keydesk doctor --fix"/);
  });

  it('moves a database with a wrecked page aside too', () => {
    const dir = tempDir();
    openDatabase(dir, now).db.close();
    const path = join(dir, databaseFileName);
    // Overwrite the schema page after the header: SQLite reports the file as malformed.
    const bytes = readFileSync(path);
    bytes.fill(0x41, 100, Math.min(bytes.length, 4096));
    writeFileSync(path, bytes);
    tally('faults injected');
    const { db, notice } = openDatabase(dir, now);
    db.close();
    expect(notice).toMatch(/damaged/);
    expect(readdirSync(dir).some((f) => f.includes('.damaged-'))).toBe(true);
  });

  it('leaves a healthy database alone', () => {
    const dir = tempDir();
    const first = openDatabase(dir, now);
    first.db.prepare(`INSERT INTO settings (key, value) VALUES ('theme', '"dark"')`).run();
    first.db.close();
    const again = openDatabase(dir, now);
    expect(again.notice).toBeUndefined();
    expect(again.db.prepare('SELECT value FROM settings').get()).toEqual({ value: '"dark"' });
    again.db.close();
    expect(readdirSync(dir).some((f) => f.includes('.damaged-'))).toBe(false);
  });

  it('refuses (rather than moves) a database from a newer Keydesk', () => {
    const dir = tempDir();
    const raw = new Database(join(dir, databaseFileName));
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openDatabase(dir, now)).toThrow(/newer Keydesk/);
    expect(existsSync(join(dir, databaseFileName))).toBe(true);
    expect(readdirSync(dir).some((f) => f.includes('.damaged-'))).toBe(false);
  });

  it('says how to fix a data folder that cannot be created', () => {
    const dir = tempDir();
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'x');
    expect(() => openDatabase(join(notAFolder, 'sub'), now)).toThrow(
      expect.objectContaining({
        code: 'DB_FAILED',
        message: expect.stringMatching(
          /Cannot create the Keydesk data folder .* \(ENOTDIR\)\. Set KEYDESK_HOME/,
        ),
      }),
    );
  });
});
