import { homedir } from 'node:os';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import { resolveDataDir } from './data-dir';
import { createInvoke } from './handlers';
import { servicesFromEnvironment } from './services';
import { appMenuTemplate } from './electron/app-menu';
import { createMainWindow } from './electron/create-main-window';
import { electronClipboard } from './electron/electron-clipboard';
import { createWindowAuthorizer } from './electron/oauth-window-authorizer';
import { refusePermissionCheck, refusePermissionRequest } from './electron/permissions';
import { registerIpc } from './electron/register-ipc';
import { isTrustedSender } from './electron/sender-check';

// The CLI resolves the same folder, so both share one vault (KEYDESK_HOME overrides both).
app.setName('Keydesk');
app.setPath('userData', resolveDataDir(process.env, process.platform, homedir()));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler(refusePermissionRequest);
    session.defaultSession.setPermissionCheckHandler(refusePermissionCheck);
    session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [contentSecurityPolicy],
        },
      }),
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform)));
    let services: ReturnType<typeof servicesFromEnvironment>;
    try {
      services = servicesFromEnvironment(
        process.env,
        electronClipboard,
        createWindowAuthorizer(() => BrowserWindow.getAllWindows()[0]),
      );
    } catch (error) {
      // E.g. a database from a newer Keydesk: say why instead of opening a window that cannot work.
      dialog.showErrorBox('Keydesk cannot start', (error as Error).message);
      app.exit(1);
      return;
    }
    let mainWindow = createMainWindow(process.env.ELECTRON_RENDERER_URL);
    registerIpc(createInvoke(services), (sender) =>
      isTrustedSender(sender, {
        webContentsId: mainWindow.webContents.id,
        appUrl: mainWindow.webContents.getURL(),
      }),
    );
    app.on('second-instance', () => {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0)
        mainWindow = createMainWindow(process.env.ELECTRON_RENDERER_URL);
    });
    // Closing the services also clears a copied secret still waiting for its timed clear.
    app.on('will-quit', () => services.close());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
