import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/core/db/migrate';
import { migrations } from '../../src/core/db/migrations';
import { createSettingsRepo } from '../../src/core/settings/settings-repo';
import { defaultSettings } from '../../src/shared/settings-schemas';

function open() {
  const db = new Database(':memory:');
  migrate(db, migrations);
  return { db, settings: createSettingsRepo(db) };
}

describe('settings', () => {
  it('reads the defaults until something is changed, then keeps the change', () => {
    const { settings } = open();
    expect(settings.read()).toEqual(defaultSettings);
    expect(settings.update({ historyRetentionDays: 30, clipboardClearSeconds: null })).toEqual({
      ...defaultSettings,
      historyRetentionDays: 30,
      clipboardClearSeconds: null,
    });
  });

  it('falls back to the default for a value it cannot read, and ignores unknown keys', () => {
    const { db, settings } = open();
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    put.run('defaultTtlSeconds', '"not a number"');
    put.run('historyRetentionDays', '{broken json');
    put.run('theme', '"dark"');
    put.run('somethingFromTheFuture', '42');
    expect(settings.read()).toEqual({ ...defaultSettings, theme: 'dark' });
  });
});
