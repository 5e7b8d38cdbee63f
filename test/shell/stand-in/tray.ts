import { record } from './journal';
import type { Menu } from './desktop';

/**
 * Electron's globalShortcut: `register` answers false when another program holds the accelerator
 * (here: those listed in KEYDESK_STANDIN_TAKEN_SHORTCUTS, comma-separated); the test presses a
 * registered one with `press`.
 */
const shortcuts = new Map<string, () => void>();
const taken = new Set(
  (process.env.KEYDESK_STANDIN_TAKEN_SHORTCUTS ?? '').split(',').filter(Boolean),
);
export const globalShortcut = {
  register(accelerator: string, callback: () => void) {
    const ok = !taken.has(accelerator) && !shortcuts.has(accelerator);
    if (ok) shortcuts.set(accelerator, callback);
    record('globalShortcut.register', { accelerator, ok });
    return ok;
  },
  unregister(accelerator: string) {
    shortcuts.delete(accelerator);
    record('globalShortcut.unregister', { accelerator });
  },
  unregisterAll() {
    shortcuts.clear();
    record('globalShortcut.unregisterAll');
  },
  isRegistered: (accelerator: string) => shortcuts.has(accelerator),
  /** For the test: the person presses the shortcut anywhere on the desktop. */
  press(accelerator: string) {
    const callback = shortcuts.get(accelerator);
    if (!callback) throw new Error(`No shortcut ${accelerator} is registered`);
    callback();
  },
};

interface TrayItem {
  label?: string;
  type?: string;
  click?: () => void;
}

/** Electron's Tray: the installed context menu is kept so the test can read it and click in it. */
export class Tray {
  static current: Tray | undefined;
  menu: Menu | null = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    Tray.current = this;
    record('Tray.new');
  }
  setToolTip(text: string) {
    record('Tray.setToolTip', { text });
  }
  setContextMenu(menu: Menu | null) {
    this.menu = menu;
    record('Tray.setContextMenu', { labels: Tray.labelsOf(menu) });
  }
  destroy() {
    this.destroyed = true;
  }
  static labelsOf(menu: Menu | null): string[] {
    return ((menu?.template ?? []) as TrayItem[]).map((item) => item.label ?? `(${item.type})`);
  }
  /** For the test: the person clicks the tray menu's item with this label. */
  static click(label: string) {
    const item = ((Tray.current?.menu?.template ?? []) as TrayItem[]).find(
      (entry) => entry.label === label,
    );
    if (!item?.click) throw new Error(`The tray menu has no item "${label}"`);
    item.click();
  }
}

/** Electron's Notification: what is shown goes to the journal. */
export class Notification {
  static isSupported() {
    return true;
  }
  constructor(readonly options: { title?: string; body?: string }) {}
  show() {
    record('Notification.show', { title: this.options.title, body: this.options.body });
  }
}
