import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, rendererChannels } from '../../src/shared/channels';
import {
  electronRendererModules,
  readBuiltPreload,
  runPreloadInSandbox,
  type ElectronRendererModule,
} from './sandboxed-preload';

function recordingElectron() {
  const exposed: { key: string; api: Record<string, (...args: unknown[]) => unknown> }[] = [];
  const invoked: unknown[][] = [];
  const electron = Object.fromEntries(electronRendererModules.map((name) => [name, {}])) as Record<
    string,
    unknown
  >;
  electron.contextBridge = {
    exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) =>
      exposed.push({ key, api }),
  };
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  electron.ipcRenderer = {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      listeners.get(channel)?.delete(listener),
  };
  /** What main's webContents.send does, with the IPC event Electron passes first. */
  const sendFromMain = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? [])
      listener({ sender: 'ipcRenderer itself', senderId: 0 }, payload);
  };
  return { electron: electron as ElectronRendererModule, exposed, invoked, sendFromMain };
}

describe('the built preload in a sandboxed renderer', () => {
  it("requires nothing but 'electron', so it loads where Electron allows only its own modules", () => {
    const { electron } = recordingElectron();
    const { required } = runPreloadInSandbox(readBuiltPreload(), electron);
    expect(required).toEqual(['electron']);
  });

  it('exposes one function per renderer channel as window.api, and nothing else', async () => {
    const { electron, exposed, invoked } = recordingElectron();
    runPreloadInSandbox(readBuiltPreload(), electron);
    expect(exposed.map((entry) => entry.key)).toEqual(['api']);
    const api = exposed[0]?.api ?? {};
    expect(Object.keys(api).sort()).toEqual([...rendererChannels, 'on'].sort());
    for (const [name, fn] of Object.entries(api)) expect(typeof fn, name).toBe('function');
    for (const channel of rendererChannels) await api[channel]?.({ probe: channel });
    expect(invoked).toEqual(rendererChannels.map((channel) => [channel, { probe: channel }]));
  });

  it("hands main's events to the page without Electron's IPC event, and stops on unsubscribe", () => {
    const { electron, exposed, sendFromMain } = recordingElectron();
    runPreloadInSandbox(readBuiltPreload(), electron);
    const heard: unknown[][] = [];
    const on = exposed[0]?.api.on as (listener: (...args: unknown[]) => void) => () => void;
    const off = on((...args) => heard.push(args));
    const event = { name: 'changed', topics: ['settings'] };
    sendFromMain('keydesk:event', event);
    sendFromMain('some:other', { name: 'progress', done: 1, total: 2 });
    expect(heard).toEqual([[event]]);
    off();
    sendFromMain('keydesk:event', event);
    expect(heard).toHaveLength(1);
  });

  it('keeps the CLI-only channels off the page', () => {
    const { electron, exposed } = recordingElectron();
    runPreloadInSandbox(readBuiltPreload(), electron);
    const exposedNames = Object.keys(exposed[0]?.api ?? {});
    for (const cliOnly of ['apps:exportPrivateKey', 'doctor:run', 'keys:inspect', 'jwt:mint']) {
      expect(exposedNames).not.toContain(cliOnly);
    }
  });

  it('the sandbox rules refuse any other module, as Electron does', () => {
    const { electron } = recordingElectron();
    expect(() => runPreloadInSandbox('require("zod")', electron)).toThrow('module not found: zod');
    expect(() => runPreloadInSandbox('require("fs")', electron)).toThrow('module not found: fs');
    expect(() => runPreloadInSandbox('require("node:path")', electron)).toThrow(
      'module not found: node:path',
    );
    expect(runPreloadInSandbox('require("events"); require("url")', electron).required).toEqual([
      'events',
      'url',
    ]);
  });
});

describe('the renderer surface', () => {
  function rendererSources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return rendererSources(path);
      return /\.tsx?$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
    });
  }

  it('is exactly the channels src/renderer calls', () => {
    const source = rendererSources(join(import.meta.dirname, '..', '..', 'src', 'renderer'));
    // A call site counts (a read through useChannel or AskOnRequest's channel, an action through
    // send or useAction); a channel named only as a type (ChannelInput<'jwt:mint'>) or in the
    // channel table does not.
    const called = channelNames.filter((channel) =>
      new RegExp(
        `(?:(?:useChannel|send|useAction)\\(\\s*['"]${channel}['"]|<AskOnRequest\\s+channel="${channel}")`,
      ).test(source.join('\n')),
    );
    expect(called.sort()).toEqual([...rendererChannels].sort());
  });
});
