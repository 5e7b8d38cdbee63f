import type { Migration } from '../migration';

/**
 * The audit history and the preferences. History rows copy the account and application names so
 * an event still reads right after either is renamed or removed (hence no foreign keys).
 * Free-text search goes through a contentless FTS5 index kept by triggers, so the first page of a
 * search stays fast at a million events and pruning cannot leave the index behind.
 */
export const migration002: Migration = {
  version: 2,
  name: 'history and settings',
  up(db) {
    db.exec(`
      CREATE TABLE history (
        id               INTEGER PRIMARY KEY,
        at               INTEGER NOT NULL,
        action           TEXT NOT NULL,
        outcome          TEXT NOT NULL CHECK (outcome IN ('ok', 'failed')),
        account_id       TEXT,
        account_name     TEXT,
        application_id   TEXT,
        application_name TEXT,
        summary          TEXT NOT NULL,
        details          TEXT NOT NULL DEFAULT '{}',
        error_code       TEXT,
        error_message    TEXT
      );
      CREATE INDEX history_at ON history (at);
      CREATE INDEX history_account ON history (account_id);
      CREATE INDEX history_application ON history (application_id);
      CREATE INDEX history_action ON history (action);

      CREATE VIRTUAL TABLE history_text USING fts5 (
        body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER history_text_insert AFTER INSERT ON history BEGIN
        INSERT INTO history_text (rowid, body) VALUES (new.id, concat_ws(' ',
          new.action, new.outcome, new.account_name, new.account_id, new.application_name,
          new.application_id, new.summary, new.details, new.error_code, new.error_message));
      END;
      CREATE TRIGGER history_text_delete AFTER DELETE ON history BEGIN
        DELETE FROM history_text WHERE rowid = old.id;
      END;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
