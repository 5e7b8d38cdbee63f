import { app } from './app';
import { startControl } from './control';
import { ClipboardItem, Menu, MenuItem, clipboard, dialog, nativeImage, shell } from './desktop';
import { ipcMain } from './ipc-main';
import { record } from './journal';
import { protocol, session } from './session';
import { StandInBrowserWindow } from './windows';
import { Notification, Tray, globalShortcut } from './tray';

/** What Keydesk's main process uses, modelled; every other name of Electron.Main refuses use. */
const modelled: Record<string, unknown> = {
  app,
  BrowserWindow: StandInBrowserWindow,
  ClipboardItem,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  Notification,
  protocol,
  session,
  shell,
  Tray,
};

function notModelled(name: string): unknown {
  const refuse = () => {
    throw new Error(`The Electron stand-in does not model electron.${name}: add it before use.`);
  };
  return new Proxy(function unmodelled() {}, {
    get: (_target, property) => (property === 'then' ? undefined : refuse()),
    apply: refuse,
    construct: refuse,
  });
}

/** Called by the generated `electron` module (hooks.mjs) once per name Electron.Main exports. */
export function mainExports(name: string): unknown {
  return Object.hasOwn(modelled, name) ? modelled[name] : notModelled(name);
}

record('stand-in.loaded', { pid: process.pid });
startControl();
