import { contextBridge, ipcRenderer } from 'electron';
// Only the zod-free channel and event lists: a sandboxed preload may require nothing but 'electron'.
import { rendererChannels } from '../shared/channels';
import { windowEventChannel, type WindowEvent } from '../shared/events';
import type { KeydeskApi } from '../shared/api';

// One named function per renderer channel; the page never sees ipcRenderer itself, and the
// CLI-only channels are not on the bridge at all.
const calls = Object.fromEntries(
  rendererChannels.map((channel) => [
    channel,
    (input: unknown) => ipcRenderer.invoke(channel, input),
  ]),
);

/**
 * The one way main's events reach the page: the listener gets the event alone (never Electron's
 * IPC event, which would hand the page `sender`); answers the unsubscribe.
 */
function on(listener: (event: WindowEvent) => void): () => void {
  const forward = (_ipc: unknown, event: WindowEvent) => listener(event);
  ipcRenderer.on(windowEventChannel, forward);
  return () => void ipcRenderer.removeListener(windowEventChannel, forward);
}

contextBridge.exposeInMainWorld('api', { ...calls, on } as KeydeskApi);
