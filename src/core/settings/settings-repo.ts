import type Database from 'better-sqlite3';
import { defaultSettings, settingsSchema, type Settings } from '../../shared/settings-schemas';

/**
 * One row per preference, the value as JSON. A missing or unreadable value reads as its default,
 * so a database written by another Keydesk version never blocks startup over a preference.
 */
export function createSettingsRepo(db: Database.Database, changed: () => void = () => undefined) {
  const all = db.prepare<[], { key: string; value: string }>(`SELECT key, value FROM settings`);
  const upsert = db.prepare<{ key: string; value: string }>(
    `INSERT INTO settings (key, value) VALUES (@key, @value)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );

  function read(): Settings {
    const settings: Settings = { ...defaultSettings };
    for (const { key, value } of all.all()) {
      if (!Object.hasOwn(settingsSchema.shape, key)) continue;
      const name = key as keyof Settings;
      try {
        const parsed = settingsSchema.shape[name].safeParse(JSON.parse(value));
        if (parsed.success) Object.assign(settings, { [name]: parsed.data });
      } catch {
        // Unreadable JSON: keep the default.
      }
    }
    return settings;
  }

  return {
    read,
    update(patch: Partial<Settings>): Settings {
      db.transaction(() => {
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) upsert.run({ key, value: JSON.stringify(value) });
        }
      })();
      changed();
      return read();
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
