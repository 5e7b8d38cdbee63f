import type { Migration } from '../migration';

/**
 * What `keydesk team sync` needs to tell a change made here from one made by a teammate, so
 * neither overwrites the other. `team_account`: a shared account's file in the team folder
 * (`team_id`, the sharer's account id) and the account it is in this vault; `local_digest` and
 * `folder_digest` are keyed digests (HMAC under the team identity, never a bare hash of a secret)
 * of both sides as they were when last agreed; `importing_digest` marks a folder state being
 * brought in, so a sync killed half-way finishes that import rather than mistaking the half for
 * a local edit. `account_id` goes NULL when the account is deleted here: the team keeps it.
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
        synced_at        TEXT
      );
      CREATE UNIQUE INDEX team_account_local ON team_account (account_id);
      ALTER TABLE team_folder ADD COLUMN last_sync_at TEXT;
      ALTER TABLE team_folder ADD COLUMN last_sync TEXT;
    `);
  },
};
