import { BrowserWindow } from 'electron';
import type { MainWindowSource } from './create-main-window';
import { guardWindow } from './create-main-window';
import { quickWindowOptions } from './window-options';

/** The page's own route for the quick copy window (renderer/src/main.tsx reads it). */
export const quickRoute = '#quick';

/**
 * The quick copy window: the app's page on its own route, with the same preload, CSP and guards
 * as the main window. One at a time; it closes when it loses focus (the renderer closes it on
 * Escape, main after a copy).
 */
export function createQuickWindows(source: MainWindowSource) {
  let quick: BrowserWindow | undefined;
  const current = () => (quick && !quick.isDestroyed() ? quick : undefined);
  return {
    current,
    open() {
      const open = current();
      if (open) {
        open.show();
        open.focus();
        return open;
      }
      const window = new BrowserWindow(quickWindowOptions(source.preloadPath));
      quick = window;
      guardWindow(window);
      window.once('ready-to-show', () => {
        window.show();
        window.focus();
      });
      window.on('blur', () => {
        if (!window.isDestroyed()) window.close();
      });
      window.loadURL(`${source.pageUrl}${quickRoute}`).catch((error: Error) => {
        console.error(`Keydesk could not load its quick copy window: ${error.message}`);
      });
      return window;
    },
    close() {
      current()?.close();
    },
  };
}
