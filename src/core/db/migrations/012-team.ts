import type { Migration } from '../migration';

/**
 * A team's shared vault (issue 32). `team_identity`: the engineer's age recipient, which others
 * seal the team's files to; its secret half is in the keychain (`team/me/identity`), and this row
 * says it exists, so the doctor expects that entry rather than calling it an orphan.
 * `team_folder`: the git working copy this vault shares through, and the engineer's name in it.
 * One row each at most.
 */
export const migration012: Migration = {
  version: 12,
  name: 'team',
  up(db) {
    db.exec(`
      CREATE TABLE team_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        recipient TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE team_folder (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        path TEXT NOT NULL,
        member_name TEXT NOT NULL,
        joined_at TEXT NOT NULL
      );
    `);
  },
};
