import type { Migration } from '../migration';

/**
 * OAuth 1.0a consumers and the access tokens obtained with them. Metadata only: the consumer
 * secret, the access token and its secret are in the OS keychain.
 */
export const migration004: Migration = {
  version: 4,
  name: 'oauth',
  up(db) {
    db.exec(`
      CREATE TABLE oauth_consumers (
        id            TEXT PRIMARY KEY,
        account_id    TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        consumer_key  TEXT NOT NULL,
        base_url      TEXT NOT NULL,
        callback_url  TEXT,
        created_at    TEXT NOT NULL
      );
      CREATE UNIQUE INDEX oauth_consumers_key ON oauth_consumers (consumer_key);
      CREATE INDEX oauth_consumers_account ON oauth_consumers (account_id);

      CREATE TABLE oauth_tokens (
        id            TEXT PRIMARY KEY,
        consumer_id   TEXT NOT NULL REFERENCES oauth_consumers (id) ON DELETE CASCADE,
        label         TEXT NOT NULL,
        obtained_at   TEXT NOT NULL
      );
      CREATE INDEX oauth_tokens_consumer ON oauth_tokens (consumer_id, obtained_at);
    `);
  },
};
