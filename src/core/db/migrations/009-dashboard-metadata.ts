import type { Migration } from '../migration';

/**
 * What the dashboard says of a stored application, as the last sync saw it: its name there and
 * its capabilities (JSON list). Shown beside Keydesk's own name; nothing else changes with it.
 */
export const migration009: Migration = {
  version: 9,
  name: 'dashboard metadata',
  up(db) {
    db.exec(`
      ALTER TABLE applications ADD COLUMN dashboard_name TEXT;
      ALTER TABLE applications ADD COLUMN dashboard_capabilities TEXT;
      ALTER TABLE applications ADD COLUMN dashboard_synced_at TEXT;
    `);
  },
};
