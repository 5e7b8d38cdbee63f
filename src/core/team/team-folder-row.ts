import type Database from 'better-sqlite3';

export interface TeamFolderRow {
  path: string;
  memberName: string;
  joinedAt: string;
}

/** The team folder this vault shares through (migration 012), when it has one. */
export function teamFolderRow(db: Database.Database): TeamFolderRow | undefined {
  return db
    .prepare<[], TeamFolderRow>(
      'SELECT path, member_name AS memberName, joined_at AS joinedAt FROM team_folder WHERE id = 1',
    )
    .get();
}

export function saveTeamFolderRow(db: Database.Database, row: TeamFolderRow): void {
  db.prepare(
    'INSERT INTO team_folder (id, path, member_name, joined_at) VALUES (1, @path, @memberName, @joinedAt)',
  ).run(row);
}
