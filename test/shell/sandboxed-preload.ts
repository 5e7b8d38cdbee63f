import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import events from 'node:events';
import timers from 'node:timers';
import url from 'node:url';

/**
 * Electron 45's rules for a preload in a sandboxed renderer (docs/tutorial/sandbox.md): the script
 * is wrapped in a function that receives a polyfilled `require`, `process`, `Buffer`, `global`,
 * `setImmediate` and `clearImmediate`; that `require` knows only `electron` (the renderer modules
 * below), `events`, `timers` and `url`, and throws `module not found: NAME` for anything else.
 * There is no Node `module` system: a preload that needs another file must have it bundled.
 */
export const sandboxModules = ['electron', 'events', 'timers', 'url'] as const;
export const electronRendererModules = [
  'contextBridge',
  'crashReporter',
  'ipcRenderer',
  'nativeImage',
  'webFrame',
  'webUtils',
] as const;

/** The parameters, in order, of the function Electron wraps a sandboxed preload in. */
export const preloadWrapperParameters = [
  'require',
  'process',
  'Buffer',
  'global',
  'setImmediate',
  'clearImmediate',
  'exports',
  'module',
] as const;

export const builtPreloadPath = join(
  import.meta.dirname,
  '..',
  '..',
  'out',
  'preload',
  'index.cjs',
);

export function readBuiltPreload(): string {
  try {
    return readFileSync(builtPreloadPath, 'utf8');
  } catch {
    throw new Error('The preload is not built: run "npm run build" (npm test does it first).');
  }
}

export type ElectronRendererModule = Record<(typeof electronRendererModules)[number], unknown>;

/**
 * Runs preload source in a fresh `vm` context (no Node globals at all) under the rules above.
 * Returns the modules the script asked for, in order; a forbidden one throws from inside the
 * script, as in Electron, and the error propagates.
 */
export function runPreloadInSandbox(
  source: string,
  electron: ElectronRendererModule,
): { required: string[] } {
  const required: string[] = [];
  const builtins: Record<string, unknown> = { electron, events, timers, url };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (!Object.hasOwn(builtins, name)) throw new Error(`module not found: ${name}`);
    return builtins[name];
  };
  const context = vm.createContext({ console });
  const wrapper = new vm.Script(
    `(function (${preloadWrapperParameters.join(', ')}) {${source}\n})`,
    {
      filename: builtPreloadPath,
    },
  ).runInContext(context) as (...args: unknown[]) => void;
  const process = { type: 'renderer', sandboxed: true, contextIsolated: true, env: {} };
  const module = { exports: {} };
  wrapper(
    sandboxRequire,
    process,
    Buffer,
    vm.runInContext('globalThis', context),
    setImmediate,
    clearImmediate,
    module.exports,
    module,
  );
  return { required };
}
