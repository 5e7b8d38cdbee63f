import type Database from 'better-sqlite3';

export interface Migration {
  /** The `user_version` the database has once this migration ran. */
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
