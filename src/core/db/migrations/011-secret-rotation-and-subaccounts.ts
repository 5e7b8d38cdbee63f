import type { Migration } from '../migration';

/**
 * API secrets rotated through Vonage, and subaccounts. An account may name its primary account
 * (a subaccount brought into the vault); `vonage_credential_id` is Vonage's id of the API secret
 * Keydesk holds, known when Keydesk made that secret; `rotation_started_at` marks a new secret
 * waiting in the keychain beside the one in use while Vonage is told of it, which `doctor`
 * settles after a crash. Never a secret itself: those stay in the keychain.
 */
export const migration011: Migration = {
  version: 11,
  name: 'secret rotation and subaccounts',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN primary_account_id TEXT
        REFERENCES accounts(id) ON DELETE SET NULL;
      ALTER TABLE accounts ADD COLUMN vonage_credential_id TEXT;
      ALTER TABLE accounts ADD COLUMN rotation_started_at TEXT;
      CREATE INDEX accounts_by_primary ON accounts(primary_account_id);
    `);
  },
};
