import { app, type BrowserWindow } from 'electron';
import type { Invoke } from '../../core/handlers';
import type { Services } from '../../core/services';
import { keychainGuidanceFor } from '../../shared/keychain-guidance';
import type { MainWindowSource } from './create-main-window';
import { notify, notifyFailure } from './notify';
import { createQuickCopyShortcut } from './quick-copy-shortcut';
import { createQuickWindows } from './quick-window';
import { createTrayMenu } from './tray-menu';

/**
 * Quick copy from anywhere: the global shortcut and its window, the tray menu, and closing the
 * main window into the tray. `invoke` wraps the core's: after a quick copy main closes the quick
 * window and says what was copied in a notification; after a settings change the shortcut follows;
 * after any copy the tray's recent list does.
 */
export function startQuickCopy(options: {
  services: Services;
  invoke: Invoke;
  source: MainWindowSource;
  trayIconPath: string;
  showMainWindow: () => void;
}) {
  const { services, source } = options;
  // Once quitting, windows close for real (the quick window and close-to-tray only hide).
  let quitting = false;
  app.on('before-quit', () => (quitting = true));
  const quickWindows = createQuickWindows(source, () => quitting);
  const applyShortcut = createQuickCopyShortcut(services, () => void quickWindows.open());
  applyShortcut();
  const tray = createTrayMenu(services, options.trayIconPath, {
    openQuickCopy: () => void quickWindows.open(),
    openMainWindow: options.showMainWindow,
    quit: () => app.quit(),
  });

  // Closing the window keeps Keydesk in the tray (the setting); else it quits, as closing the
  // last window did before the quick window (which only hides) was always there. Quitting quits.
  function keepInTray(window: BrowserWindow) {
    window.on('close', (event) => {
      if (quitting || !tray || !services.settings.read().keepInTray) return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      if (!quitting && process.platform !== 'darwin') app.quit();
    });
  }

  const invoke: Invoke = async (channel, input, context) => {
    const result = await options.invoke(channel, input, context);
    if (channel === 'quick:copy') {
      if (result.ok) {
        const copied = result.value as { title: string; body: string };
        quickWindows.hide();
        notify(copied.title, copied.body);
      } else if (keychainGuidanceFor(result.error.code)) {
        quickWindows.hide();
        notifyFailure(services, result.error);
      }
    }
    if (result.ok && channel === 'settings:update') applyShortcut();
    if (channel === 'quick:copy' || channel === 'clipboard:copy') tray?.refresh();
    return result;
  };

  return {
    invoke,
    quickWindow: quickWindows.current,
    keepInTray,
    /** Loads the quick window's page, hidden, once the main window is on its way. */
    prepare: quickWindows.prepare,
  };
}
