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
 * main window into the tray. Each follows the core's events: a copy's outcome (the notification,
 * the quick window hidden, the tray's recent list), the settings (the shortcut, changed here or
 * by the CLI), the history (the tray's list after any copy).
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
  const shortcut = createQuickCopyShortcut(
    () => services.settings.read().quickCopyShortcut,
    () => void quickWindows.open(),
    () => services.events.emit({ name: 'changed', topics: ['status'] }),
  );
  shortcut.apply();
  const tray = createTrayMenu(services, options.invoke, options.trayIconPath, {
    openQuickCopy: () => void quickWindows.open(),
    openMainWindow: options.showMainWindow,
    quit: () => app.quit(),
  });

  // Every history event says the history changed, and a check of everything writes one per item:
  // the menu (five recent copies, read from the history) is rebuilt at most four times a second.
  let trayRefresh: NodeJS.Timeout | undefined;
  const refreshTraySoon = () => {
    if (!tray || trayRefresh) return;
    trayRefresh = setTimeout(() => {
      trayRefresh = undefined;
      tray.refresh();
    }, 250).unref();
  };

  services.events.on((event) => {
    switch (event.name) {
      case 'copied':
        if (event.source === 'quick') quickWindows.hide();
        notify(event.title, event.body);
        return;
      case 'copyFailed':
        // The quick window says its own failures, but not a keychain the person must go to.
        if (event.source === 'quick' && !keychainGuidanceFor(event.error.code)) return;
        if (event.source === 'quick') quickWindows.hide();
        notifyFailure(services, event.error);
        return;
      case 'changed':
        if (event.topics.includes('settings')) shortcut.apply();
        if (event.topics.includes('history')) refreshTraySoon();
        return;
      default:
    }
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

  return {
    quickWindow: quickWindows.current,
    keepInTray,
    shortcutState: shortcut.state,
    /** Loads the quick window's page, hidden, once the main window is on its way. */
    prepare: quickWindows.prepare,
  };
}
