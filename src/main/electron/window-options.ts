import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options, kept as plain data so a unit test can hold them to Electron's
 * security checklist: isolated context, sandboxed renderer, no Node, web security, no webview.
 */
export function mainWindowOptions(
  preloadPath: string,
  iconPath?: string,
): BrowserWindowConstructorOptions {
  return {
    ...(iconPath ? { icon: iconPath } : {}),
    width: 1200,
    height: 780,
    minWidth: 900,
    minHeight: 560,
    title: 'Keydesk',
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      experimentalFeatures: false,
    },
  };
}

/**
 * The quick copy window's: the main window's security, no frame, on top of every window, out of
 * the taskbar, sized for a search box and a short list.
 */
export function quickWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const base = mainWindowOptions(preloadPath);
  return {
    ...base,
    width: 640,
    height: 420,
    minWidth: 480,
    minHeight: 240,
    title: 'Keydesk quick copy',
    frame: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    center: true,
  };
}
