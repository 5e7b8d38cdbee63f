import { homedir } from 'node:os';
import { app, BrowserWindow, dialog, session } from 'electron';
import { resolveDataDir } from './data-dir';
import { createInvoke } from './handlers';
import { servicesFromEnvironment } from './services';
import { createMainWindow } from './electron/create-main-window';
import { registerIpc } from './electron/register-ipc';

// The CLI resolves the same folder, so both share one vault (KEYDESK_HOME overrides both).
app.setName('Keydesk');
app.setPath('userData', resolveDataDir(process.env, process.platform, homedir()));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false),
    );
    let services: ReturnType<typeof servicesFromEnvironment>;
    try {
      services = servicesFromEnvironment();
    } catch (error) {
      // E.g. a database from a newer Keydesk: say why instead of opening a window that cannot work.
      dialog.showErrorBox('Keydesk cannot start', (error as Error).message);
      app.exit(1);
      return;
    }
    let mainWindow = createMainWindow(process.env.ELECTRON_RENDERER_URL);
    registerIpc(
      createInvoke(services),
      (event) =>
        event.sender === mainWindow.webContents &&
        event.senderFrame === mainWindow.webContents.mainFrame,
    );
    app.on('second-instance', () => {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0)
        mainWindow = createMainWindow(process.env.ELECTRON_RENDERER_URL);
    });
    app.on('will-quit', () => services.close());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
