import type { Migration } from '../migration';

/**
 * A key rotation (or an add with upload) in progress: the new public key and what it is for,
 * written before the upload to Vonage and cleared once Vonage has answered. A row left with one
 * after a crash is what `doctor` finishes. And each account's and application's last check.
 */
export const migration010: Migration = {
  version: 10,
  name: 'key rotation and check results',
  up(db) {
    db.exec(`
      ALTER TABLE applications ADD COLUMN pending_public_key_pem TEXT;
      ALTER TABLE applications ADD COLUMN pending_operation TEXT
        CHECK (pending_operation IS NULL OR pending_operation IN ('rotate', 'add'));
      ALTER TABLE applications ADD COLUMN pending_since TEXT;
      CREATE TABLE check_results (
        subject_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('account', 'application')),
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        checked_at TEXT NOT NULL
      );
      CREATE TRIGGER check_results_account_gone AFTER DELETE ON accounts
        BEGIN DELETE FROM check_results WHERE subject_id = OLD.id; END;
      CREATE TRIGGER check_results_application_gone AFTER DELETE ON applications
        BEGIN DELETE FROM check_results WHERE subject_id = OLD.id; END;
    `);
  },
};
