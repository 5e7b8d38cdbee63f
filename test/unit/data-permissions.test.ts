import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileName, openDatabase } from '../../src/core/db/open-database';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('the data folder and the database are private to the user', () => {
  it('a folder that already existed (0755) becomes 0700, and the database files 0600', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'keydesk-perm-')), 'home');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const { db } = openDatabase(dir);
    db.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run();
    expect(mode(dir)).toBe('700');
    const files = readdirSync(dir).filter((name) => name.startsWith(databaseFileName));
    expect(files.sort()).toEqual([
      databaseFileName,
      `${databaseFileName}-shm`,
      `${databaseFileName}-wal`,
    ]);
    for (const name of files) expect(mode(join(dir, name)), name).toBe('600');
    db.close();
  });

  it('widened modes are narrowed again on every open, moved-aside copies included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keydesk-perm-'));
    openDatabase(dir).db.close();
    writeFileSync(join(dir, `${databaseFileName}.damaged-2026-01-01T00-00-00-000Z`), 'old');
    chmodSync(dir, 0o777);
    for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o666);
    const { db } = openDatabase(dir);
    expect(mode(dir)).toBe('700');
    for (const name of readdirSync(dir)) expect(mode(join(dir, name)), name).toBe('600');
    db.close();
  });

  it('a damaged database moved aside stays 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keydesk-perm-'));
    writeFileSync(join(dir, databaseFileName), 'not a database '.repeat(200), { mode: 0o644 });
    const { db, notice } = openDatabase(dir);
    expect(notice).toMatch(/moved to/);
    for (const name of readdirSync(dir)) expect(mode(join(dir, name)), name).toBe('600');
    db.close();
  });
});
