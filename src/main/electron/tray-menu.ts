import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { quickCopy, recentlyCopiedApplications } from '../../core/quick/quick-copy';
import type { Services } from '../../core/services';
import { KeydeskError } from '../../shared/errors';
import { notify, notifyFailure } from './notify';

export interface TrayActions {
  openQuickCopy: () => void;
  openMainWindow: () => void;
  quit: () => void;
}

/**
 * The tray icon (the menu bar on macOS): the five applications copied from most recently, each a
 * click from a fresh JWT, then quick copy, the main window and Quit. `refresh` rebuilds the menu
 * after a copy. Undefined where the desktop has no tray.
 */
export function createTrayMenu(services: Services, iconPath: string, actions: TrayActions) {
  let tray: Tray;
  try {
    tray = new Tray(nativeImage.createFromPath(iconPath));
  } catch {
    return undefined;
  }
  tray.setToolTip('Keydesk');

  async function copyFromTray(id: string) {
    try {
      const copied = await quickCopy(services, 'jwt', id, 'tray');
      notify(copied.title, copied.body);
    } catch (error) {
      const shape =
        error instanceof KeydeskError
          ? error.toShape()
          : { code: 'INTERNAL' as const, message: String(error) };
      notifyFailure(services, shape);
    }
    refresh();
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
