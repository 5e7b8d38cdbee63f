import type { Topic } from './channels';
import type { KeydeskErrorShape } from './errors';

/**
 * What flows from the core back to whoever shows it: the events table beside the channel table
 * (channels.ts). The owner of a change emits it (the settings, the history, the vault file's lock,
 * a check run); main reacts to some itself (the shortcut, the tray, quick copy's notification) and
 * forwards `windowEvents` to the main window, where the channel store turns `changed` into
 * invalidations. Zod-free: the sandboxed preload bundles it.
 */
export interface KeydeskEventMap {
  /** These topics' data changed: the window refetches what reads them. */
  changed: { topics: readonly Topic[] };
  /** How far a long call of the window's got (a check of everything). */
  progress: { done: number; total: number };
  /** A copy made outside the main window (quick copy, the tray), with what to tell the person. */
  copied: { source: 'quick' | 'tray'; title: string; body: string };
  /** Such a copy that failed. */
  copyFailed: { source: 'quick' | 'tray'; error: KeydeskErrorShape };
}

export type KeydeskEventName = keyof KeydeskEventMap;
export type KeydeskEvent = {
  [K in KeydeskEventName]: { name: K } & KeydeskEventMap[K];
}[KeydeskEventName];

/** The events the main window hears (the rest are main's own business). */
export const windowEvents = ['changed', 'progress'] as const satisfies readonly KeydeskEventName[];
export type WindowEvent = Extract<KeydeskEvent, { name: (typeof windowEvents)[number] }>;

/** The one IPC channel main sends window events on; the preload's `on` listens to it alone. */
export const windowEventChannel = 'keydesk:event';
