import { contextBridge, ipcRenderer } from 'electron';
// Only the zod-free channel list: a sandboxed preload may require nothing but 'electron'.
import { rendererChannels } from '../shared/channels';
import type { KeydeskApi } from '../shared/api';

// One named function per renderer channel; the page never sees ipcRenderer itself, and the
// CLI-only channels are not on the bridge at all.
const api = Object.fromEntries(
  rendererChannels.map((channel) => [
    channel,
    (input: unknown) => ipcRenderer.invoke(channel, input),
  ]),
) as KeydeskApi;

contextBridge.exposeInMainWorld('api', api);
