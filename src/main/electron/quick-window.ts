import { BrowserWindow } from 'electron';
import type { MainWindowSource } from './create-main-window';
import { guardWindow } from './create-main-window';
import { quickWindowOptions } from './window-options';

/** The page's own route for the quick copy window (renderer/src/main.tsx reads it). */
export const quickRoute = '#quick';

/**
 * The quick copy window: the app's page on its own route, with the same preload, CSP and guards
 * as the main window. It is made (hidden) when Keydesk starts and hidden rather than closed, so
 * the shortcut only has to show it: the page is loaded already and starts afresh on each focus.
 * It hides when it loses the focus, on Escape (the page's window.close()) and after a copy.
 */
export function createQuickWindows(source: MainWindowSource, quitting: () => boolean) {
  let quick: BrowserWindow | undefined;
  const current = () => (quick && !quick.isDestroyed() ? quick : undefined);

  function make(): BrowserWindow {
    const window = new BrowserWindow(quickWindowOptions(source.preloadPath));
    quick = window;
    guardWindow(window);
    window.on('blur', () => window.hide());
    window.on('close', (event) => {
      if (quitting()) return;
      event.preventDefault();
      window.hide();
    });
    window.loadURL(`${source.pageUrl}${quickRoute}`).catch((error: Error) => {
      console.error(`Keydesk could not load its quick copy window: ${error.message}`);
    });
    return window;
  }

  return {
    current,
    /** Loads the page in the background, ready for the first shortcut. */
    prepare: () => current() ?? make(),
    open() {
      const window = current() ?? make();
      window.show();
      window.focus();
    },
    hide() {
      current()?.hide();
    },
  };
}
