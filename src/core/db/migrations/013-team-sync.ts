import type { Migration } from '../migration';

/**
 * What `keydesk team sync` needs to tell a change made here from one made by a teammate, so
 * neither overwrites the other. `team_account`: a shared account's file in the team folder
 * (`team_id`, the sharer's account id) and the account it is in this vault; `local_digest` and
 * `folder_digest` are keyed digests (HMAC under the team identity, never a bare hash of a secret)
 * of both sides as they were when last agreed; `importing_digest` marks a folder state being
 * brought in, so a sync killed half-way finishes that import rather than mistaking the half for
 * a local edit. `folder_files`: a SHA-256 of the two files' bytes when `folder_digest` was taken,
 * so a sync opens only the files that changed since. `accounts.revision` moves with every change
 * of an account's row or of its applications' (triggers; every secret the vault writes goes with
 * a row change, secret-write.ts), and `local_revision` is the one its `local_digest` was taken
 * at: an account unchanged since is not read from the keychain again. `account_id` goes NULL when the account is
 * deleted here: the team keeps it.
 */
export const migration013: Migration = {
  version: 13,
  name: 'team sync',
  up(db) {
    db.exec(`
      CREATE TABLE team_account (
        team_id          TEXT PRIMARY KEY,
        account_id       TEXT REFERENCES accounts (id) ON DELETE SET NULL,
        local_digest     TEXT,
        folder_digest    TEXT,
        importing_digest TEXT,
        folder_files     TEXT,
        local_revision   INTEGER,
        synced_at        TEXT
      );
      ALTER TABLE accounts ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      CREATE TRIGGER accounts_revision AFTER UPDATE ON accounts
        WHEN new.revision = old.revision BEGIN
        UPDATE accounts SET revision = revision + 1 WHERE id = new.id;
      END;
      CREATE TRIGGER applications_revision_insert AFTER INSERT ON applications BEGIN
        UPDATE accounts SET revision = revision + 1 WHERE id = new.account_id;
      END;
      CREATE TRIGGER applications_revision_update AFTER UPDATE ON applications BEGIN
        UPDATE accounts SET revision = revision + 1 WHERE id IN (old.account_id, new.account_id);
      END;
      CREATE TRIGGER applications_revision_delete AFTER DELETE ON applications BEGIN
        UPDATE accounts SET revision = revision + 1 WHERE id = old.account_id;
      END;
      CREATE UNIQUE INDEX team_account_local ON team_account (account_id);
      ALTER TABLE team_folder ADD COLUMN last_sync_at TEXT;
      ALTER TABLE team_folder ADD COLUMN last_sync TEXT;
    `);
  },
};
