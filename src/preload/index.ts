import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../shared/contract';
import type { KeydeskApi } from '../shared/api';

// One named function per contract channel; the page never sees ipcRenderer itself.
const api = Object.fromEntries(
  channels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as KeydeskApi;

contextBridge.exposeInMainWorld('api', api);
