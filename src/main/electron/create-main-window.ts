import { join } from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { isAllowedExternalUrl } from './url-policy';
import { mainWindowOptions } from './window-options';

/** The one window factory: isolated, sandboxed, no Node in the page, no navigation away. */
export function createMainWindow(rendererUrl: string | undefined): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.cjs')));
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  if (rendererUrl) void window.loadURL(rendererUrl);
  else void window.loadFile(join(__dirname, '../renderer/index.html'));
  return window;
}
