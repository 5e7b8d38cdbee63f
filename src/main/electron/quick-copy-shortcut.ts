import { app, globalShortcut } from 'electron';
import type { Services } from '../../core/services';

/**
 * Registers the quick copy shortcut the settings name (or none: "off"), replacing the last one.
 * A shortcut another program holds cannot be registered: that is kept where system:status (and
 * so Settings) reports it, never dropped in silence.
 */
export function createQuickCopyShortcut(services: Services, open: () => void) {
  let registered: string | undefined;
  // Given back to the desktop when Keydesk ends, as Electron's documentation does.
  app.on('will-quit', () => globalShortcut.unregisterAll());
  return function apply(): void {
    const accelerator = services.settings.read().quickCopyShortcut;
    if (accelerator === registered) return;
    if (registered) globalShortcut.unregister(registered);
    registered = undefined;
    if (accelerator === 'off') {
      services.desktop.quickCopyShortcut = undefined;
      return;
    }
    let ok = false;
    try {
      ok = globalShortcut.register(accelerator, open);
    } catch {
      // Electron throws on an accelerator it cannot parse; the settings' check lets few through.
    }
    if (ok) registered = accelerator;
    services.desktop.quickCopyShortcut = { accelerator, registered: ok };
  };
}
