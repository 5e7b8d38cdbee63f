import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session } from 'electron';
import {
  contentSecurityPolicy,
  devServerContentSecurityPolicy,
} from '../shared/content-security-policy';
import { resolveDataDir } from '../core/data-dir';
import { createInvoke } from '../core/handlers';
import { servicesFromEnvironment, type DesktopFacts, type Services } from '../core/services';
import { appMenuTemplate } from './electron/app-menu';
import { createMainWindow } from './electron/create-main-window';
import { electronClipboard } from './electron/electron-clipboard';
import { hardenSession } from './electron/harden-session';
import { createWindowAuthorizer } from './electron/oauth-window-authorizer';
import { quitAfterCleanup } from './electron/quit-after-cleanup';
import { registerIpc } from './electron/register-ipc';
import {
  appPageUrl,
  appScheme,
  appSchemePrivileges,
  createRendererProtocolHandler,
} from './electron/renderer-protocol';
import { isTrustedSender } from './electron/sender-check';
import { nativeConfirm } from './electron/native-confirm';
import { startQuickCopy } from './electron/desktop-quick-copy';
import { windowOf } from '../shared/channels';
import { windowEventChannel, windowEvents, type WindowEvent } from '../shared/events';
import { coalesceChanges } from '../core/events/coalesce-changes';

// Before `ready`, as Electron requires: the app's pages come from app://, a standard secure scheme.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

// The CLI resolves the same folder, so both share one vault (KEYDESK_HOME overrides both).
app.setName('Keydesk');
app.setPath('userData', resolveDataDir(process.env, process.platform, homedir()));

// Only a development run (`npm run dev`) may show the renderer from Vite's dev server.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;
const csp = devServerUrl ? devServerContentSecurityPolicy : contentSecurityPolicy;
const windowSource = {
  pageUrl: devServerUrl ?? appPageUrl,
  preloadPath: join(__dirname, '../preload/index.cjs'),
  iconPath: process.platform === 'linux' ? join(__dirname, '../../resources/icon.png') : undefined,
};
const trayIconPath = join(__dirname, '../../resources/icon.png');

let mainWindow: BrowserWindow | undefined;
/** What a new main window needs besides its making (the tray's close-to-tray). */
let onNewMainWindow: (window: BrowserWindow) => void = () => undefined;

/**
 * Brings the one window to the front: shown again from the tray, restored, or made again if it
 * was closed (macOS keeps running).
 */
function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(windowSource);
    onNewMainWindow(mainWindow);
  } else if (mainWindow.isMinimized()) {
    mainWindow.restore();
  } else if (!mainWindow.isVisible()) {
    mainWindow.show();
  }
  mainWindow.focus();
}

function start(): void {
  protocol.handle(appScheme, createRendererProtocolHandler(join(__dirname, '../renderer'), csp));
  hardenSession(session.defaultSession, csp);
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform)));
  let services: Services;
  // Main's facts for the window's status; the shortcut's state once quick copy has started.
  const desktopFacts: DesktopFacts = { quickCopyShortcut: () => undefined };
  try {
    services = servicesFromEnvironment(process.env, {
      desktop: { quickCopyShortcut: () => desktopFacts.quickCopyShortcut() },
      clipboard: electronClipboard,
      authorizer: createWindowAuthorizer(() => mainWindow),
      // The system's proxy settings (or PAC file) for each URL; HTTPS_PROXY and the like win.
      systemProxy: (url) => session.defaultSession.resolveProxy(url.href),
    });
  } catch (error) {
    // E.g. a database from a newer Keydesk: say why instead of opening a window that cannot work.
    dialog.showErrorBox('Keydesk cannot start', (error as Error).message);
    app.exit(1);
    return;
  }
  const invoke = createInvoke(services);
  const desktop = startQuickCopy({
    services,
    invoke,
    source: windowSource,
    trayIconPath,
    showMainWindow,
  });
  desktopFacts.quickCopyShortcut = desktop.shortcutState;
  onNewMainWindow = (window) => {
    desktop.keepInTray(window);
    // Back at the window after a terminal: what the CLI changed meanwhile, and nothing more.
    window.on('focus', () => services.noticeOutsideChanges());
  };
  // The window hears what changed and how far a long call got; main's own reactions are above.
  const toWindow = coalesceChanges((event: WindowEvent) => {
    if (mainWindow && !mainWindow.isDestroyed())
      mainWindow.webContents.send(windowEventChannel, event);
  });
  services.events.on((event) => {
    if ((windowEvents as readonly string[]).includes(event.name))
      toWindow.push(event as WindowEvent);
  });
  // Each channel is answered from its own window only: the quick window's few from the quick
  // window, every other from the main window. The page the window was made to show, never its
  // current URL: a window navigated elsewhere is no longer the app.
  registerIpc(
    invoke,
    (sender, channel) => {
      const expected = windowOf(channel) === 'quick' ? desktop.quickWindow() : mainWindow;
      return (
        expected !== undefined &&
        !expected.isDestroyed() &&
        isTrustedSender(sender, {
          webContentsId: expected.webContents.id,
          appUrl: windowSource.pageUrl,
        })
      );
    },
    {
      confirm: nativeConfirm(() => mainWindow),
      progress: (done, total) => toWindow.push({ name: 'progress', done, total }),
    },
  );
  showMainWindow();
  desktop.prepare();
  app.on('activate', () => {
    if (!mainWindow || mainWindow.isDestroyed() || !mainWindow.isVisible()) showMainWindow();
  });
  // A copied secret still waiting for its timed clear is cleared before the app goes.
  quitAfterCleanup(async () => {
    await services.clipboard.flush();
    services.close();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(start);
}
