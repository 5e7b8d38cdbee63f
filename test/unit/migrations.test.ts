import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/core/db/migrate';
import { migrations } from '../../src/core/db/migrations';
import { databaseFileName, openDatabase } from '../../src/core/db/open-database';
import { readVaultId } from '../../src/core/db/migrations/005-vault-identity';

const tempDir = () => mkdtempSync(join(tmpdir(), 'keydesk-db-'));

describe('migration runner', () => {
  it('refuses a registry whose versions do not go 1, 2, 3… (a gap, a repeat, out of order)', () => {
    const step = (version: number) => ({ version, name: `m${version}`, up: () => undefined });
    for (const broken of [
      [step(1), step(3)],
      [step(1), step(1)],
      [step(2), step(1)],
    ]) {
      expect(() => migrate(new Database(':memory:'), broken)).toThrow(/versions must go 1, 2, 3/);
    }
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('opens a new database in WAL mode with foreign keys and a busy timeout', () => {
    const { db } = openDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    db.close();
  });

  it('is idempotent: reopening applies nothing twice', () => {
    const dir = tempDir();
    openDatabase(dir).db.close();
    const { db } = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('refuses a database written by a newer Keydesk and leaves it untouched', () => {
    const dir = tempDir();
    const raw = new Database(join(dir, databaseFileName));
    raw.pragma('user_version = 99');
    raw.exec('CREATE TABLE future_things (x)');
    raw.close();
    expect(() => openDatabase(dir)).toThrow(
      `newer Keydesk (schema version 99; this Keydesk knows up to ${migrations.length})`,
    );
    const after = new Database(join(dir, databaseFileName));
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    expect(
      after.prepare("SELECT name FROM sqlite_master WHERE name = 'accounts'").get(),
    ).toBeUndefined();
    after.close();
  });

  it('rolls a failing migration back whole, leaving user_version where it was', () => {
    const db = new Database(':memory:');
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT * FROM missing'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/missing/);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });
});

describe('001 accounts and applications', () => {
  const migrated = () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 1));
    return db;
  };
  const insertAccount = (db: Database.Database, id: string, name: string, apiKey: string) =>
    db
      .prepare(
        `INSERT INTO accounts (id, name, api_key, created_at, updated_at) VALUES (?, ?, ?, 'now', 'now')`,
      )
      .run(id, name, apiKey);
  const insertApp = (db: Database.Database, id: string, accountId: string, name: string) =>
    db
      .prepare(
        `INSERT INTO applications (id, account_id, name, public_key_pem, fingerprint, key_bits, created_at, updated_at)
      VALUES (?, ?, ?, 'pem', 'fp', 2048, 'now', 'now')`,
      )
      .run(id, accountId, name);

  it('makes account names unique regardless of case, and API keys unique', () => {
    const db = migrated();
    insertAccount(db, 'a1', 'Acme', 'key1');
    expect(() => insertAccount(db, 'a2', 'ACME', 'key2')).toThrow(/UNIQUE/);
    expect(() => insertAccount(db, 'a3', 'Other', 'key1')).toThrow(/UNIQUE/);
  });

  it('has no column that could hold a secret', () => {
    const db = migrated();
    const columns = ['accounts', 'applications'].flatMap((table) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
    );
    // has_signature_secret is a flag (0/1); the secret itself is in the keychain.
    expect(columns.filter((c) => /secret|private/.test(c))).toEqual(['has_signature_secret']);
  });

  it('removes applications with their account, and refuses an application of no account', () => {
    const db = migrated();
    insertAccount(db, 'a1', 'Acme', 'key1');
    insertApp(db, 'app-1', 'a1', 'Voice');
    expect(() => insertApp(db, 'app-2', 'nobody', 'Voice')).toThrow(/FOREIGN KEY/);
    expect(() => insertApp(db, 'app-3', 'a1', 'voice')).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM accounts WHERE id = ?').run('a1');
    expect(db.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: 0 });
  });
});

describe('002 history and settings', () => {
  const migrated = () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 2));
    return db;
  };
  const insertEvent = (db: Database.Database, summary: string, accountName = 'Acme Corp') =>
    Number(
      db
        .prepare(
          `INSERT INTO history (at, action, outcome, account_name, summary) VALUES (1, 'mint', 'ok', ?, ?)`,
        )
        .run(accountName, summary).lastInsertRowid,
    );
  const search = (db: Database.Database, query: string) =>
    db
      .prepare<[string], { rowid: number }>(
        'SELECT rowid FROM history_text WHERE history_text MATCH ? ORDER BY rowid',
      )
      .all(query)
      .map((r) => r.rowid);

  it('indexes every new event for free-text search, accents and case folded', () => {
    const db = migrated();
    const first = insertEvent(db, 'Minted a JWT for Café app');
    const second = insertEvent(db, 'Revealed the API secret', 'Globex');
    expect(search(db, '"cafe"*')).toEqual([first]);
    expect(search(db, '"acme"*')).toEqual([first]);
    expect(search(db, '"globex"')).toEqual([second]);
  });

  it('drops an event from the search index when the event is deleted (retention)', () => {
    const db = migrated();
    const id = insertEvent(db, 'Minted a JWT');
    db.prepare('DELETE FROM history WHERE id = ?').run(id);
    expect(search(db, '"minted"')).toEqual([]);
  });

  it('refuses an outcome other than ok or failed', () => {
    const db = migrated();
    expect(() =>
      db
        .prepare(
          `INSERT INTO history (at, action, outcome, summary) VALUES (1, 'mint', 'maybe', 'x')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});

describe('003 application counts', () => {
  const count = (db: Database.Database, id: string) =>
    (
      db.prepare('SELECT application_count AS n FROM accounts WHERE id = ?').get(id) as
        { n: number } | undefined
    )?.n;
  const addApp = (db: Database.Database, id: string, accountId: string) =>
    db
      .prepare(
        `INSERT INTO applications (id, account_id, name, public_key_pem, fingerprint, key_bits, created_at, updated_at)
         VALUES (?, ?, ?, 'pem', 'fp', 2048, 'now', 'now')`,
      )
      .run(id, accountId, `App ${id}`);
  const addAccount = (db: Database.Database, id: string) =>
    db
      .prepare(
        `INSERT INTO accounts (id, name, api_key, created_at, updated_at) VALUES (?, ?, ?, 'now', 'now')`,
      )
      .run(id, `Account ${id}`, `key-${id}`);

  it('counts the applications that existed before the migration', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 2));
    addAccount(db, 'a1');
    addApp(db, 'p1', 'a1');
    addApp(db, 'p2', 'a1');
    migrate(db, migrations.slice(0, 3));
    expect(count(db, 'a1')).toBe(2);
  });

  it('keeps the count as applications are added, moved and removed', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 3));
    addAccount(db, 'a1');
    addAccount(db, 'a2');
    addApp(db, 'p1', 'a1');
    addApp(db, 'p2', 'a1');
    addApp(db, 'p3', 'a2');
    expect([count(db, 'a1'), count(db, 'a2')]).toEqual([2, 1]);
    db.prepare(`UPDATE applications SET account_id = 'a2' WHERE id = 'p1'`).run();
    expect([count(db, 'a1'), count(db, 'a2')]).toEqual([1, 2]);
    db.prepare(`DELETE FROM applications WHERE id = 'p3'`).run();
    expect([count(db, 'a1'), count(db, 'a2')]).toEqual([1, 1]);
    db.prepare(`DELETE FROM accounts WHERE id = 'a2'`).run();
    expect(db.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: 1 });
    expect(count(db, 'a1')).toBe(1);
  });
});

describe('005 vault identity', () => {
  it('gives each new vault an id of its own, kept across opens', () => {
    const first = openDatabase(mkdtempSync(join(tmpdir(), 'keydesk-vault-id-'))).db;
    const second = openDatabase(mkdtempSync(join(tmpdir(), 'keydesk-vault-id-'))).db;
    const id = readVaultId(first);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(readVaultId(second)).not.toBe(id);
    expect(() =>
      first.prepare("INSERT INTO vault_identity (id, created_at) VALUES ('x', 'y')").run(),
    ).toThrow(/UNIQUE/);
    first.close();
    second.close();
  });

  it('adds an id to a vault made before ids existed (version 4)', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    migrate(db, migrations);
    expect(readVaultId(db)).toMatch(/^[0-9a-f-]{36}$/);
    db.close();
  });
});

describe('006 folded names', () => {
  it('folds existing names, keeps two that only the new folding makes equal, and indexes the fold', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 5));
    const add = db.prepare(
      `INSERT INTO accounts (id, name, api_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
    );
    add.run('a1', 'Zürich', 'key1', '2026-01-01', '2026-01-01');
    add.run('a2', 'ZÜRICH', 'key2', '2026-01-02', '2026-01-02');
    add.run('a3', 'Straße', 'key3', '2026-01-03', '2026-01-03');
    migrate(db, migrations);
    const folds = db.prepare('SELECT id, name_fold FROM accounts ORDER BY id').all();
    expect(folds).toEqual([
      { id: 'a1', name_fold: 'zürich' },
      { id: 'a2', name_fold: 'zürich\u0000a2' },
      { id: 'a3', name_fold: 'strasse' },
    ]);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM accounts WHERE name_fold = 'zürich'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX accounts_name_fold/);
    expect(() => add.run('a4', 'x', 'key4', 'now', 'now')).not.toThrow();
    db.close();
  });
});

describe('004 oauth', () => {
  const migrated = () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 4));
    db.prepare(
      `INSERT INTO accounts (id, name, api_key, created_at, updated_at) VALUES ('a1', 'Acme', 'k1', 'now', 'now')`,
    ).run();
    return db;
  };
  const addConsumer = (db: Database.Database, id: string, key: string) =>
    db
      .prepare(
        `INSERT INTO oauth_consumers (id, account_id, consumer_key, base_url, callback_url, created_at)
         VALUES (?, 'a1', ?, 'https://dashboard.nexmo.com/oauth/', NULL, 'now')`,
      )
      .run(id, key);

  it('keeps consumers unique by key, and their tokens go with them, and they with the account', () => {
    const db = migrated();
    addConsumer(db, 'c1', 'consumer-1');
    expect(() => addConsumer(db, 'c2', 'consumer-1')).toThrow(/UNIQUE/);
    db.prepare(
      `INSERT INTO oauth_tokens (id, consumer_id, label, obtained_at) VALUES ('t1', 'c1', 'me', 'now')`,
    ).run();
    db.prepare(`DELETE FROM oauth_consumers WHERE id = 'c1'`).run();
    expect(db.prepare('SELECT count(*) AS n FROM oauth_tokens').get()).toEqual({ n: 0 });
    addConsumer(db, 'c3', 'consumer-3');
    db.prepare(`DELETE FROM accounts WHERE id = 'a1'`).run();
    expect(db.prepare('SELECT count(*) AS n FROM oauth_consumers').get()).toEqual({ n: 0 });
  });

  it('has no column that could hold a secret or a token', () => {
    const db = migrated();
    const columns = ['oauth_consumers', 'oauth_tokens'].flatMap((table) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
    );
    expect(columns.filter((c) => /secret|token_value|verifier/.test(c))).toEqual([]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO oauth_tokens (id, consumer_id, label, obtained_at) VALUES ('t9', 'nope', 'x', 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('007 history prefix index', () => {
  it('makes the search index again with prefix indexes, keeping every event and the triggers', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 6));
    const add = db.prepare(
      `INSERT INTO history (at, action, outcome, account_name, summary) VALUES (?, 'mint', 'ok', ?, ?)`,
    );
    const before = Number(add.run(1, 'Acme Corp', 'Minted a JWT for Café app').lastInsertRowid);
    migrate(db, migrations);
    const search = (query: string) =>
      db
        .prepare<[string], { rowid: number }>(
          'SELECT rowid FROM history_text WHERE history_text MATCH ? ORDER BY rowid',
        )
        .all(query)
        .map((r) => r.rowid);
    // The event from before the migration is found by a word's start, accents folded.
    expect(search('"min"*')).toEqual([before]);
    expect(search('"cafe"')).toEqual([before]);
    const after = Number(add.run(2, 'Globex', 'Minted another').lastInsertRowid);
    expect(search('"minted"*')).toEqual([before, after]);
    db.prepare('DELETE FROM history WHERE id = ?').run(before);
    expect(search('"minted"*')).toEqual([after]);
    const options = db
      .prepare<[], { sql: string }>(`SELECT sql FROM sqlite_master WHERE name = 'history_text'`)
      .get();
    expect(options?.sql).toMatch(/prefix = '1 2 3 4 5 6 7 8'/);
    db.close();
  });
});

describe('008 signature method', () => {
  it("gives existing accounts the dashboard's default and refuses a method Vonage does not have", () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 7));
    db.prepare(
      `INSERT INTO accounts (id, name, name_fold, api_key, created_at, updated_at) VALUES ('a1', 'Acme', 'acme', 'key1', 'now', 'now')`,
    ).run();
    migrate(db, migrations);
    expect(db.prepare(`SELECT signature_method FROM accounts`).get()).toEqual({
      signature_method: 'md5hash',
    });
    db.prepare(`UPDATE accounts SET signature_method = 'sha512'`).run();
    expect(() => db.prepare(`UPDATE accounts SET signature_method = 'sha384'`).run()).toThrow(
      /CHECK constraint failed/,
    );
    db.close();
  });
});

describe('009 dashboard metadata', () => {
  it('adds the dashboard name, capabilities and sync time to applications, empty until a sync', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 8));
    db.prepare(
      `INSERT INTO accounts (id, name, name_fold, api_key, created_at, updated_at) VALUES ('a1', 'Acme', 'acme', 'key1', 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO applications (id, account_id, name, name_fold, public_key_pem, fingerprint, key_bits, created_at, updated_at)
       VALUES ('p1', 'a1', 'Voice', 'voice', 'pem', 'fp', 2048, 'now', 'now')`,
    ).run();
    migrate(db, migrations);
    expect(
      db
        .prepare(
          'SELECT dashboard_name, dashboard_capabilities, dashboard_synced_at FROM applications',
        )
        .get(),
    ).toEqual({ dashboard_name: null, dashboard_capabilities: null, dashboard_synced_at: null });
    db.close();
  });
});
