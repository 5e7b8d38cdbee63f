import { app } from './app';
import { answerNextDialogs, clipboard } from './desktop';
import { invokeFromPage, registeredChannels } from './ipc-main';
import { plain, record } from './journal';
import { defaultSession } from './session';
import { Tray, globalShortcut } from './tray';
import {
  allWindows,
  StandInBrowserWindow,
  webContentsById,
  type NavigationKind,
  type StandInFrame,
} from './windows';

/** What the test asks of the stand-in, over the fork's IPC channel. */
export type Command =
  | { op: 'ready' }
  | { op: 'state' }
  | {
      op: 'invoke';
      webContentsId: number;
      channel: string;
      args: unknown[];
      /** A subframe of that window, showing this URL (default: the main frame). */
      subframeUrl?: string;
    }
  | { op: 'navigate'; webContentsId: number; url: string; kind: NavigationKind }
  /** A window Keydesk did not make (a devtools or extension page, say) showing `url`. */
  | { op: 'foreignWindow'; url: string }
  | { op: 'windowOpen'; webContentsId: number; url: string }
  | { op: 'permission'; webContentsId: number; permission: string }
  | { op: 'close'; windowId: number }
  | { op: 'minimize'; windowId: number }
  | { op: 'emit'; event: 'second-instance' | 'activate' }
  | { op: 'quit' }
  /** The buttons the person clicks in the next message boxes. */
  | { op: 'answerDialogs'; responses: number[] }
  | { op: 'fetch'; url: string }
  /** The person presses a global shortcut, anywhere on the desktop. */
  | { op: 'pressShortcut'; accelerator: string }
  /** The tray menu's labels, or a click on one of them. */
  | { op: 'trayMenu' }
  /** What a paste would give now (the journal keeps only lengths). */
  | { op: 'clipboardText' }
  | { op: 'clickTray'; label: string }
  /** The window loses the focus (another program's window was clicked). */
  | { op: 'blur'; windowId: number }
  /** The person comes back to a window (from a terminal, say). */
  | { op: 'focus'; windowId: number };

function contents(id: number) {
  const found = webContentsById(id);
  if (!found) throw new Error(`No webContents ${id}`);
  return found;
}

async function run(command: Command): Promise<unknown> {
  switch (command.op) {
    case 'ready':
      app.emitReady();
      return null;
    case 'state':
      return {
        ready: app.isReady(),
        channels: registeredChannels(),
        clipboard: clipboard.peek().length,
        windows: allWindows().map((window) => ({
          id: window.id,
          webContentsId: window.webContents.id,
          url: window.webContents.getURL(),
          title: window.getTitle(),
          visible: window.isVisible(),
          focused: window.focused,
          minimized: window.isMinimized(),
          partition: window.webContents.session.partition,
          options: window.options,
        })),
      };
    case 'invoke': {
      const sender = contents(command.webContentsId);
      const frame: StandInFrame = command.subframeUrl
        ? { url: command.subframeUrl, routingId: sender.mainFrame.routingId + 1 }
        : sender.mainFrame;
      return invokeFromPage(sender, frame, command.channel, command.args);
    }
    case 'navigate':
      return contents(command.webContentsId).navigate(command.url, command.kind);
    case 'foreignWindow': {
      const window = new StandInBrowserWindow({ show: false });
      await window.loadURL(command.url).catch(() => undefined);
      return { windowId: window.id, webContentsId: window.webContents.id };
    }
    case 'windowOpen':
      return contents(command.webContentsId).windowOpen(command.url);
    case 'permission': {
      const { session } = contents(command.webContentsId);
      return {
        requested: await session.askPermission(command.permission),
        checked: session.checkPermission(command.permission),
      };
    }
    case 'close':
      allWindows()
        .find((window) => window.id === command.windowId)
        ?.close();
      return null;
    case 'minimize':
      allWindows()
        .find((window) => window.id === command.windowId)
        ?.minimize();
      return null;
    case 'emit':
      if (command.event === 'second-instance') {
        app.emit('second-instance', { preventDefault() {} }, ['keydesk'], process.cwd(), {});
      } else {
        app.emit('activate', { preventDefault() {} }, false);
      }
      return null;
    case 'quit':
      app.quit();
      return null;
    case 'answerDialogs':
      answerNextDialogs(command.responses);
      return null;
    case 'pressShortcut':
      globalShortcut.press(command.accelerator);
      return null;
    case 'clipboardText':
      return clipboard.peek();
    case 'trayMenu':
      return Tray.labelsOf(Tray.current?.menu ?? null);
    case 'clickTray':
      Tray.click(command.label);
      return null;
    case 'blur': {
      const window = allWindows().find((w) => w.id === command.windowId);
      if (window) window.focused = false;
      window?.emit('blur', { preventDefault() {} });
      return null;
    }
    case 'focus': {
      const window = allWindows().find((w) => w.id === command.windowId);
      if (window) window.focused = true;
      window?.emit('focus', { preventDefault() {} });
      return null;
    }
    case 'fetch': {
      const outcome = await defaultSession().request(command.url, 'other');
      return outcome === 'cancelled' ? { cancelled: true } : outcome;
    }
  }
}

/** Answers the test's commands; an error in the app's code comes back as the command's error. */
export function startControl(): void {
  process.on('message', (message: { id: number; command: Command }) => {
    run(message.command).then(
      (value) => process.send?.({ id: message.id, ok: true, value: plain(value) }),
      (error: Error) => process.send?.({ id: message.id, ok: false, error: error.message }),
    );
  });
  // Electron's main process reports an uncaught error and keeps running; the test fails on it.
  process.on('uncaughtException', (error) => {
    record('uncaughtException', { message: error.message, stack: error.stack });
  });
  process.on('unhandledRejection', (reason) => {
    record('unhandledRejection', { message: String(reason) });
  });
}
