import type { Migration } from '../migration';

/** Metadata only: secrets (API secrets, private keys) live in the OS keychain, never here. */
export const migration001: Migration = {
  version: 1,
  name: 'accounts and applications',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id                   TEXT PRIMARY KEY,
        name                 TEXT NOT NULL,
        api_key              TEXT NOT NULL,
        color                TEXT NOT NULL DEFAULT 'slate',
        notes                TEXT NOT NULL DEFAULT '',
        has_signature_secret INTEGER NOT NULL DEFAULT 0 CHECK (has_signature_secret IN (0, 1)),
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL
      );
      CREATE UNIQUE INDEX accounts_name_unique ON accounts (name COLLATE NOCASE);
      CREATE UNIQUE INDEX accounts_api_key_unique ON accounts (api_key);

      CREATE TABLE applications (
        id              TEXT PRIMARY KEY,
        account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        name            TEXT NOT NULL,
        public_key_pem  TEXT NOT NULL,
        fingerprint     TEXT NOT NULL,
        key_bits        INTEGER NOT NULL,
        jwt_defaults    TEXT NOT NULL DEFAULT '{}',
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      );
      CREATE INDEX applications_account ON applications (account_id);
      CREATE UNIQUE INDEX applications_name_per_account ON applications (account_id, name COLLATE NOCASE);
    `);
  },
};
