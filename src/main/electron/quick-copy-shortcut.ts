import { app, globalShortcut } from 'electron';
import type { DesktopFacts } from '../../core/services';

/**
 * Registers the quick copy shortcut the settings name (or none: "off"), replacing the last one.
 * A shortcut another program holds cannot be registered: `state` says so (system:status, and so
 * Settings, reports it), never dropped in silence; `changed` is told when that state moves.
 */
export function createQuickCopyShortcut(
  wanted: () => string,
  open: () => void,
  changed: () => void,
) {
  let registered: string | undefined;
  let state: ReturnType<DesktopFacts['quickCopyShortcut']>;
  // Given back to the desktop when Keydesk ends, as Electron's documentation does.
  app.on('will-quit', () => globalShortcut.unregisterAll());
  function apply(): void {
    const accelerator = wanted();
    if (accelerator === registered) return;
    if (registered) globalShortcut.unregister(registered);
    registered = undefined;
    if (accelerator === 'off') {
      state = undefined;
      return changed();
    }
    let ok = false;
    try {
      ok = globalShortcut.register(accelerator, open);
    } catch {
      // Electron throws on an accelerator it cannot parse; the settings' check lets few through.
    }
    if (ok) registered = accelerator;
    state = { accelerator, registered: ok };
    changed();
  }
  return { apply, state: () => state };
}
