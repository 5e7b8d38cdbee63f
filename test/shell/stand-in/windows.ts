import { EventEmitter } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { app, electronEvent } from './app';
import { destroyedError, record } from './journal';
import { defaultSession, type StandInSession } from './session';

let nextId = 1;
const windows: StandInBrowserWindow[] = [];

export function allWindows(): StandInBrowserWindow[] {
  return windows.filter((window) => !window.isDestroyed());
}

export function webContentsById(id: number): StandInWebContents | undefined {
  return windows.find((window) => window.webContents.id === id)?.webContents;
}

export type NavigationKind = 'will-navigate' | 'will-redirect' | 'history';

type OpenHandler = (details: { url: string; frameName: string; features: string }) => {
  action: 'allow' | 'deny';
};

/** A frame as IPC events show it (`senderFrame`): the main frame is one object per webContents. */
export interface StandInFrame {
  url: string;
  routingId: number;
}

/**
 * Electron's webContents: a URL that changes only by a load or an unprevented navigation; the
 * navigation events (`will-navigate`, `will-redirect`) the test drives; the session's
 * `onBeforeRequest` filter runs before anything would reach the network.
 */
export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: StandInFrame = { url: '', routingId: this.id * 100 };
  #openHandler: OpenHandler | undefined;
  #destroyed = false;
  constructor(
    readonly session: StandInSession,
    readonly owner: StandInBrowserWindow,
  ) {
    super();
  }
  #alive() {
    if (this.#destroyed) throw destroyedError();
  }
  getURL() {
    this.#alive();
    return this.mainFrame.url;
  }
  isDestroyed() {
    return this.#destroyed;
  }
  markDestroyed() {
    this.#destroyed = true;
    this.emit('destroyed');
  }
  setWindowOpenHandler(handler: OpenHandler) {
    this.#alive();
    this.#openHandler = handler;
    record('webContents.setWindowOpenHandler', { webContentsId: this.id });
  }
  /** The page calls window.open: without a handler Electron would open a new window. */
  windowOpen(url: string): 'allow' | 'deny' {
    const action = this.#openHandler?.({ url, frameName: '', features: '' }).action ?? 'allow';
    record('window.open', { webContentsId: this.id, url, action });
    return action;
  }

  async load(url: string): Promise<void> {
    this.#alive();
    const response = await this.session.request(url, 'mainFrame');
    if (response === 'cancelled') throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`);
    if (!response.ok) throw new Error(`${response.error} loading '${url}'`);
    if (this.#destroyed) throw new Error(`ERR_ABORTED (-3) loading '${url}'`);
    this.mainFrame.url = url;
    record('webContents.loaded', { webContentsId: this.id, url });
    this.emit('did-finish-load');
    this.owner.pageLoaded();
  }

  /**
   * The page (or a redirect) tries to go to `url`: Electron emits the event first; a navigation
   * nobody prevents goes through the session's request filter and then changes the URL. A
   * `history` navigation (back/forward) emits no will-navigate, as Electron documents.
   */
  async navigate(url: string, kind: NavigationKind): Promise<string> {
    this.#alive();
    if (kind !== 'history') {
      const event = electronEvent({ url, isMainFrame: true, frame: this.mainFrame });
      this.emit(kind, event, url);
      if (event.defaultPrevented) {
        record('navigation.prevented', { webContentsId: this.id, url, kind });
        return 'prevented';
      }
    }
    if (this.#destroyed) return 'window closed';
    const response = await this.session.request(url, 'mainFrame');
    if (response === 'cancelled') return 'cancelled';
    if (this.#destroyed) return 'window closed';
    this.mainFrame.url = url;
    record('navigation.committed', { webContentsId: this.id, url, kind });
    return 'committed';
  }

  send(channel: string, ...args: unknown[]) {
    this.#alive();
    record('webContents.send', { webContentsId: this.id, channel, args });
  }
}

/** Electron's BrowserWindow: made only after `ready`; destroyed windows throw on every call. */
export class StandInBrowserWindow extends EventEmitter {
  static getAllWindows() {
    return allWindows();
  }
  static getFocusedWindow() {
    return allWindows().find((window) => window.focused) ?? null;
  }
  static fromWebContents(contents: StandInWebContents) {
    return allWindows().find((window) => window.webContents === contents) ?? null;
  }

  readonly id: number;
  readonly webContents: StandInWebContents;
  focused = false;
  #visible: boolean;
  #minimized = false;
  #destroyed = false;
  #shownOnce = false;
  #title: string;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    const preferences = (options.webPreferences ?? {}) as { session?: StandInSession };
    this.webContents = new StandInWebContents(preferences.session ?? defaultSession(), this);
    this.id = this.webContents.id;
    this.#visible = options.show !== false;
    this.#title = typeof options.title === 'string' ? options.title : 'Electron';
    windows.push(this);
    record('BrowserWindow.new', { windowId: this.id, options });
  }
  #alive() {
    if (this.#destroyed) throw destroyedError();
  }
  isDestroyed() {
    return this.#destroyed;
  }
  pageLoaded() {
    if (this.#shownOnce) return;
    this.#shownOnce = true;
    this.emit('ready-to-show');
  }
  loadURL(url: string) {
    this.#alive();
    record('BrowserWindow.loadURL', { windowId: this.id, url });
    return this.webContents.load(url);
  }
  loadFile(path: string) {
    this.#alive();
    record('BrowserWindow.loadFile', { windowId: this.id, path });
    if (!existsSync(path) || !statSync(path).isFile()) {
      return Promise.reject(new Error(`ERR_FILE_NOT_FOUND (-6) loading '${pathToFileURL(path)}'`));
    }
    return this.webContents.load(pathToFileURL(path).href);
  }
  show() {
    this.#alive();
    this.#visible = true;
    this.focused = true;
    record('BrowserWindow.show', { windowId: this.id });
  }
  hide() {
    this.#alive();
    this.#visible = false;
    this.focused = false;
    record('BrowserWindow.hide', { windowId: this.id });
  }
  isVisible() {
    this.#alive();
    return this.#visible;
  }
  focus() {
    this.#alive();
    for (const other of windows) other.focused = false;
    this.focused = true;
    record('BrowserWindow.focus', { windowId: this.id });
  }
  minimize() {
    this.#alive();
    this.#minimized = true;
    this.focused = false;
  }
  isMinimized() {
    this.#alive();
    return this.#minimized;
  }
  restore() {
    this.#alive();
    this.#minimized = false;
    record('BrowserWindow.restore', { windowId: this.id });
  }
  setTitle(title: string) {
    this.#alive();
    this.#title = title;
  }
  getTitle() {
    this.#alive();
    return this.#title;
  }
  /** The user closes the window: `close` may be prevented; then `closed`. */
  close() {
    this.#alive();
    const event = electronEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.#finish(true);
  }
  /** app.quit closing the windows: as close(), but the app's window-all-closed is not emitted. */
  closeForQuit(): boolean {
    const event = electronEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.#finish(false);
    return true;
  }
  destroy() {
    if (this.#destroyed) return;
    this.#finish(true);
  }
  #finish(mayEndApp: boolean) {
    this.#destroyed = true;
    this.webContents.markDestroyed();
    record('BrowserWindow.closed', { windowId: this.id });
    this.emit('closed');
    if (mayEndApp && allWindows().length === 0) app.lastWindowClosed();
  }
}
