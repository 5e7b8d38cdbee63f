import type { Migration } from '../migration';

/**
 * Each account's number of applications, kept by triggers. Counting per row on every sidebar
 * listing was most of its cost at 1,000 accounts and 10,000 applications (see `npm run bench`).
 */
export const migration003: Migration = {
  version: 3,
  name: 'application counts',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN application_count INTEGER NOT NULL DEFAULT 0;
      UPDATE accounts SET application_count =
        (SELECT count(*) FROM applications p WHERE p.account_id = accounts.id);
      CREATE TRIGGER applications_count_insert AFTER INSERT ON applications BEGIN
        UPDATE accounts SET application_count = application_count + 1 WHERE id = new.account_id;
      END;
      CREATE TRIGGER applications_count_delete AFTER DELETE ON applications BEGIN
        UPDATE accounts SET application_count = application_count - 1 WHERE id = old.account_id;
      END;
      CREATE TRIGGER applications_count_move AFTER UPDATE OF account_id ON applications BEGIN
        UPDATE accounts SET application_count = application_count - 1 WHERE id = old.account_id;
        UPDATE accounts SET application_count = application_count + 1 WHERE id = new.account_id;
      END;
    `);
  },
};
