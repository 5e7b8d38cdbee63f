import { BrowserWindow, shell } from 'electron';
import { isAllowedExternalUrl } from './url-policy';
import { mainWindowOptions } from './window-options';

export interface MainWindowSource {
  /** The page the window is made to show; the IPC sender check compares against this. */
  pageUrl: string;
  preloadPath: string;
  /** The window icon on Linux (macOS and Windows take it from the packaged app). */
  iconPath?: string;
}

/** The one window factory: isolated, sandboxed, no Node in the page, no navigation away. */
export function createMainWindow({ pageUrl, preloadPath, iconPath }: MainWindowSource) {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, iconPath));
  window.once('ready-to-show', () => window.show());
  guardWindow(window);
  window.loadURL(pageUrl).catch((error: Error) => {
    // The page is part of the app; if it cannot load, the window would stay blank forever.
    console.error(`Keydesk could not load its window (${pageUrl}): ${error.message}`);
  });
  return window;
}

/** No new windows (links open in the browser when allowed), no navigation away, no webviews. */
export function guardWindow(window: BrowserWindow): void {
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
}
