import type { Migration } from '../migration';

/**
 * The engineer's team identity (issue 32): the age recipient others seal the team's files to.
 * Its secret half is in the keychain (`team/me/identity`); this row says that it exists, so the
 * doctor expects that entry rather than calling it an orphan. One row at most.
 */
export const migration012: Migration = {
  version: 12,
  name: 'team identity',
  up(db) {
    db.exec(`
      CREATE TABLE team_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        recipient TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `);
  },
};
