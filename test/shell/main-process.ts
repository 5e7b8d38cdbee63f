import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertFreshBuild } from '../helpers/built';
import type { JournalEntry } from './stand-in/journal';
import type { Command } from './stand-in/control';

const root = join(import.meta.dirname, '..', '..');
export const builtMainPath = join(root, 'out', 'main', 'index.js');

export interface MainOptions {
  /** Extra environment (KEYDESK_HOME, the keychain service, ELECTRON_RENDERER_URL, …). */
  env?: NodeJS.ProcessEnv;
  /** Play another OS in process.platform (macOS keeps running with no window). */
  platform?: NodeJS.Platform;
  packaged?: boolean;
  /** Another Keydesk already holds the single-instance lock. */
  secondInstance?: boolean;
  /** The working folder (a relative KEYDESK_HOME is taken from it). */
  cwd?: string;
}

/**
 * The real built `out/main/index.js` in its own Node process, with `electron` resolved to the
 * stand-in (stand-in/hooks.mjs). The test drives Electron's side (ready, IPC calls, navigation,
 * window events, quit) with `send`, and reads what the app did from the journal.
 */
export function startMain(options: MainOptions = {}) {
  if (!existsSync(builtMainPath)) {
    throw new Error('The main process is not built: run "npm run build" (npm test does it first).');
  }
  assertFreshBuild();
  const workDir = mkdtempSync(join(tmpdir(), 'keydesk-shell-'));
  const journalPath = join(workDir, 'journal.jsonl');
  const stderr: string[] = [];
  const child: ChildProcess = fork(builtMainPath, [], {
    cwd: options.cwd ?? root,
    execArgv: [
      '--import',
      pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
      '--import',
      pathToFileURL(join(import.meta.dirname, 'stand-in', 'register.mjs')).href,
    ],
    env: {
      ...process.env,
      ELECTRON_RENDERER_URL: '',
      ...options.env,
      KEYDESK_STANDIN_JOURNAL: journalPath,
      KEYDESK_STANDIN_PLATFORM: options.platform ?? '',
      KEYDESK_STANDIN_PACKAGED: options.packaged ? '1' : '',
      KEYDESK_STANDIN_SECOND_INSTANCE: options.secondInstance ? '1' : '',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  child.stdout?.on('data', () => undefined);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(message.error));
  });
  void exited.then(() => {
    for (const waiter of pending.values()) waiter.reject(new Error('The main process ended.'));
    pending.clear();
  });

  function journal(): JournalEntry[] {
    if (!existsSync(journalPath)) return [];
    return readFileSync(journalPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as JournalEntry);
  }

  return {
    child,
    exited,
    stderr: () => stderr.join(''),
    journal,
    entries: (what: string) => journal().filter((entry) => entry.what === what),
    send<T = unknown>(command: Command): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, command }, (error) => {
          if (error) {
            pending.delete(id);
            reject(error);
          }
        });
      });
    },
    /** Polls the journal until `what` appears (the app works asynchronously, as in Electron). */
    async waitFor(what: string, predicate: (entry: JournalEntry) => boolean = () => true) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = journal().find((entry) => entry.what === what && predicate(entry));
        if (found) return found;
        if (Date.now() > deadline) {
          const last = journal()
            .slice(-6)
            .map((entry) => JSON.stringify(entry).slice(0, 300));
          throw new Error(
            `The app never did ${what}. Last: ${last.join('\n')}\nstderr: ${stderr.join('')}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

export type MainUnderTest = ReturnType<typeof startMain>;

/**
 * Takes a started main to its window, as a user double-clicking the app would see it, with
 * `invoke` calling a channel from that window's page (or another webContents).
 */
export async function startToWindow(main: MainUnderTest) {
  await main.waitFor('app.requestSingleInstanceLock');
  await main.send({ op: 'ready' });
  await main.waitFor('BrowserWindow.show');
  const state = await main.send<ShellState>({ op: 'state' });
  const window = state.windows[0];
  if (!window) throw new Error('No window');
  const invoke = (channel: string, input: unknown = {}, from = window.webContentsId) =>
    main.send<{
      ok: boolean;
      value?: unknown;
      error?: { code: string; message: string; field?: string };
    }>({
      op: 'invoke',
      webContentsId: from,
      channel,
      args: [input],
    });
  return { main, state, window, invoke };
}

export interface WindowState {
  id: number;
  webContentsId: number;
  url: string;
  title: string;
  visible: boolean;
  focused: boolean;
  minimized: boolean;
  partition: string;
  options: Record<string, unknown>;
}

export interface ShellState {
  ready: boolean;
  channels: string[];
  clipboard: number;
  windows: WindowState[];
}
