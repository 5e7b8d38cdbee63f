import { record } from './journal';

/** Electron's Menu: templates are kept as given, so a test can read what was installed. */
export class Menu {
  static #applicationMenu: Menu | null = null;
  static buildFromTemplate(template: unknown[]) {
    return new Menu(template);
  }
  static setApplicationMenu(menu: Menu | null) {
    Menu.#applicationMenu = menu;
    record('Menu.setApplicationMenu', { template: menu?.template ?? null });
  }
  static getApplicationMenu() {
    return Menu.#applicationMenu;
  }
  constructor(readonly template: unknown[] = []) {}
}

export class MenuItem {
  constructor(readonly options: unknown) {}
}

/** The buttons the person will click in the next message boxes (index into `buttons`). */
const dialogAnswers: number[] = [];
export function answerNextDialogs(responses: number[]): void {
  dialogAnswers.push(...responses);
}

export const dialog = {
  /** Allowed before `ready`, as in Electron (the usual way to report a failed start). */
  showErrorBox(title: string, content: string) {
    record('dialog.showErrorBox', { title, content });
  },
  /** Electron's (window?, options): resolves with the button clicked, the first one unless told. */
  async showMessageBox(...args: unknown[]) {
    record('dialog.showMessageBox', { args });
    return { response: dialogAnswers.shift() ?? 0, checkboxChecked: false };
  },
  async showOpenDialog(...args: unknown[]) {
    record('dialog.showOpenDialog', { args });
    return { canceled: true, filePaths: [] };
  },
  async showSaveDialog(...args: unknown[]) {
    record('dialog.showSaveDialog', { args });
    return { canceled: true };
  },
};

export const shell = {
  async openExternal(url: string) {
    record('shell.openExternal', { url });
  },
};

/** Electron 45's ClipboardItem: a record of MIME type to data. */
export class ClipboardItem {
  readonly types: string[];
  constructor(readonly items: Record<string, unknown>) {
    this.types = Object.keys(items);
  }
}

let clipboardText = '';
/** Resolves after the current task, as Electron 45's asynchronous clipboard calls do. */
const later = <T>(value: () => T) =>
  new Promise<T>((resolve) => setImmediate(() => resolve(value())));

/**
 * Electron 45's clipboard: read, write and writeText are asynchronous, clear is synchronous. The
 * text itself stays in memory; every change is in the journal (`secret` never is: only its length).
 */
export const clipboard = {
  writeText(text: string) {
    return later(() => {
      clipboardText = text;
      record('clipboard.writeText', { length: text.length });
    });
  },
  write(items: ClipboardItem[]) {
    return later(() => {
      const first = items[0];
      const text = first?.items['text/plain'];
      clipboardText = typeof text === 'string' ? text : '';
      record('clipboard.write', { types: first?.types ?? [], length: clipboardText.length });
    });
  },
  readText() {
    return later(() => clipboardText);
  },
  clear() {
    clipboardText = '';
    record('clipboard.clear');
  },
  /** For the test: what a paste would give now. */
  peek() {
    return clipboardText;
  },
};

export const nativeImage = {
  createFromPath(path: string) {
    record('nativeImage.createFromPath', { path });
    return { isEmpty: () => false, path };
  },
};
