import { EventEmitter } from 'node:events';
import { isAbsolute } from 'node:path';
import { record } from './journal';
import { allWindows } from './windows';

/** An Electron event: `preventDefault()` and `defaultPrevented`, as the app's listeners use them. */
export function electronEvent<T extends object>(extra: T = {} as T) {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
}

/**
 * Electron's `app`, following its documented rules where Keydesk relies on them: `setPath` wants
 * an absolute path; `whenReady` settles on `ready`; `quit` runs before-quit, closes every window
 * (a prevented close cancels the quit), will-quit, quit, then ends the process without waiting
 * for pending JavaScript; `exit` ends it at once; with no `window-all-closed` listener, closing
 * the last window quits.
 */
class StandInApp extends EventEmitter {
  #ready = false;
  #name = 'Electron';
  #paths = new Map<string, string>();
  #resolveReady!: () => void;
  #readyPromise = new Promise<void>((resolve) => (this.#resolveReady = resolve));
  readonly isPackaged = process.env.KEYDESK_STANDIN_PACKAGED === '1';
  #quitting = false;

  setName(name: string) {
    this.#name = name;
    record('app.setName', { name });
  }
  getName() {
    return this.#name;
  }
  setPath(name: string, path: string) {
    if (typeof path !== 'string' || !isAbsolute(path)) {
      throw new Error(`Path must be absolute: ${path}`);
    }
    this.#paths.set(name, path);
    record('app.setPath', { name, path });
  }
  getPath(name: string) {
    const path = this.#paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  getVersion() {
    return '45.4.1';
  }
  isReady() {
    return this.#ready;
  }
  whenReady() {
    return this.#readyPromise;
  }
  requestSingleInstanceLock() {
    const granted = process.env.KEYDESK_STANDIN_SECOND_INSTANCE !== '1';
    record('app.requestSingleInstanceLock', { granted });
    return granted;
  }
  /** Driven by the test: Electron's `ready`. */
  emitReady() {
    if (this.#ready) return;
    this.#ready = true;
    record('app.ready');
    this.emit('ready', electronEvent(), {});
    this.#resolveReady();
  }

  quit() {
    record('app.quit');
    if (this.#quitting) return;
    this.#quitting = true;
    // Electron runs the quit from its message loop, after the current task.
    setImmediate(() => this.#runQuit());
  }

  #runQuit() {
    const beforeQuit = electronEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return this.#cancelQuit('before-quit');
    for (const window of allWindows()) {
      if (!window.closeForQuit()) return this.#cancelQuit('a window refused to close');
    }
    const willQuit = electronEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return this.#cancelQuit('will-quit');
    this.emit('quit', electronEvent(), 0);
    this.#end(0);
  }

  #cancelQuit(why: string) {
    record('app.quitCancelled', { why });
    this.#quitting = false;
  }

  exit(code = 0) {
    record('app.exit', { code });
    this.#end(code);
  }

  #end(code: number) {
    record('process.end', { code });
    // The native side ends the process: promises still pending in the app never settle.
    process.exit(code);
  }

  /** Called when the last window closes. */
  lastWindowClosed() {
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }

  focus() {
    record('app.focus');
  }
  setAppUserModelId(id: string) {
    record('app.setAppUserModelId', { id });
  }
}

export const app = new StandInApp();
