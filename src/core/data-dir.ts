import { join, resolve } from 'node:path';

export const productName = 'Keydesk';

/**
 * The folder the desktop app and the CLI share. It matches Electron's `userData` for the product
 * name on each OS (the shell sets `userData` to this same value), so both always see one vault.
 * A relative KEYDESK_HOME is taken from the current folder.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  homeDir: string,
): string {
  const override = env.KEYDESK_HOME?.trim();
  // Absolute, so the app (Electron's setPath refuses a relative path) and the CLI agree.
  if (override) return resolve(override);
  switch (platform) {
    case 'darwin':
      return join(homeDir, 'Library', 'Application Support', productName);
    case 'win32':
      return join(env.APPDATA ?? join(homeDir, 'AppData', 'Roaming'), productName);
    default:
      return join(env.XDG_CONFIG_HOME?.trim() || join(homeDir, '.config'), productName);
  }
}
