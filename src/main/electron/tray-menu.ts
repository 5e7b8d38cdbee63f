import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { Invoke } from '../../core/handlers';
import { recentlyCopiedApplications } from '../../core/quick/quick-copy';
import type { Services } from '../../core/services';

export interface TrayActions {
  openQuickCopy: () => void;
  openMainWindow: () => void;
  quit: () => void;
}

/**
 * The tray icon (the menu bar on macOS): the five applications copied from most recently, each a
 * click from a fresh JWT, then quick copy, the main window and Quit. `refresh` rebuilds the menu
 * after a copy (main calls it when the history changes). Undefined where the desktop has no tray.
 */
export function createTrayMenu(
  services: Services,
  invoke: Invoke,
  iconPath: string,
  actions: TrayActions,
) {
  let tray: Tray;
  try {
    tray = new Tray(nativeImage.createFromPath(iconPath));
  } catch {
    return undefined;
  }
  tray.setToolTip('Keydesk');

  // Through the contract's entry point like every call (validation, errors translated); its
  // outcome is an event: main notifies from it, and the history it wrote refreshes this menu.
  function copyFromTray(id: string) {
    void invoke('quick:copy', { what: 'jwt', id }, { source: 'tray' });
  }

  function refresh() {
    const recent = recentlyCopiedApplications(services, 5);
    const template: MenuItemConstructorOptions[] = [
      ...recent.map((app) => ({
        label: `Copy JWT — ${app.name} (${app.accountName})`,
        click: () => void copyFromTray(app.id),
      })),
      ...(recent.length ? [{ type: 'separator' as const }] : []),
      { label: 'Quick copy…', click: actions.openQuickCopy },
      { label: 'Open Keydesk', click: actions.openMainWindow },
      { type: 'separator' },
      { label: 'Quit', click: actions.quit },
    ];
    tray.setContextMenu(Menu.buildFromTemplate(template));
  }

  refresh();
  return { refresh, destroy: () => tray.destroy() };
}
