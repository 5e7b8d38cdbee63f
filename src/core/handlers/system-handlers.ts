import type { Services } from '../services';
import type { HandlersFor } from './handler-types';

/** The app's state for the window: version, data folder, the keychain's state, notices. */
export function systemHandlers(services: Services): HandlersFor<'system'> {
  return {
    'system:status': async () => {
      const quickCopyShortcut = services.desktop.quickCopyShortcut();
      return {
        version: services.version,
        dataDir: services.dataDir,
        keychain: await services.keychainStatus(),
        notices: services.notices,
        ...(quickCopyShortcut ? { quickCopyShortcut } : {}),
      };
    },
  };
}
