import type { Migration } from '../migration';

/**
 * How the account's signature secret signs `sig` parameters (a dashboard setting): metadata, the
 * secret itself stays in the keychain. Existing accounts get the dashboard's default, md5hash.
 */
export const migration008: Migration = {
  version: 8,
  name: 'signature method',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN signature_method TEXT NOT NULL DEFAULT 'md5hash'
        CHECK (signature_method IN ('md5hash', 'md5', 'sha1', 'sha256', 'sha512'));
    `);
  },
};
