/**
 * The app's keyboard shortcuts, in one list: the window's key handler acts on them and the
 * shortcuts sheet shows them, so the sheet cannot drift from what the keys do.
 */
export type ShortcutId = 'palette' | 'sheet' | 'search' | 'newAccount' | 'history' | 'settings';

export interface Shortcut {
  id: ShortcutId;
  keys: string;
  does: string;
  matches: (event: KeyboardEvent, typing: boolean) => boolean;
}

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const key = (event: KeyboardEvent) => event.key.toLowerCase();

export const shortcuts: readonly Shortcut[] = [
  {
    id: 'palette',
    keys: 'Ctrl K',
    does: 'Jump to an account or application, or copy a JWT',
    matches: (e) => mod(e) && key(e) === 'k',
  },
  {
    id: 'search',
    keys: '/',
    does: 'Search the accounts in the sidebar',
    matches: (e, typing) => !typing && e.key === '/',
  },
  {
    id: 'newAccount',
    keys: 'Ctrl N',
    does: 'Add an account',
    matches: (e) => mod(e) && !e.shiftKey && key(e) === 'n',
  },
  {
    id: 'history',
    keys: 'Ctrl H',
    does: 'Open the history',
    matches: (e) => mod(e) && key(e) === 'h',
  },
  {
    id: 'settings',
    keys: 'Ctrl ,',
    does: 'Open the settings',
    matches: (e) => mod(e) && e.key === ',',
  },
  {
    id: 'sheet',
    keys: '?',
    does: 'Show these shortcuts',
    matches: (e, typing) => !typing && e.key === '?',
  },
];

/** Keys that stay with the control they were typed in. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio'].includes(target.type))
  );
}

/** Shown in the sheet but handled where the focus is, not by the window. */
export const inPlaceKeys: readonly { keys: string; does: string }[] = [
  { keys: '↑ ↓', does: 'Move through the sidebar or the palette' },
  { keys: '→ ←', does: "Show or hide an account's applications in the sidebar" },
  { keys: 'Enter', does: 'Open the highlighted item' },
  { keys: 'Esc', does: 'Close a dialog (a confirmation answers no)' },
];
