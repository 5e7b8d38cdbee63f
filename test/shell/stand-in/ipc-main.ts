import { record } from './journal';
import type { StandInFrame, StandInWebContents } from './windows';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const handlers = new Map<string, Handler>();

/** Electron's ipcMain for `invoke`: one handler per channel, a second registration throws. */
export const ipcMain = {
  handle(channel: string, handler: Handler) {
    if (handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    handlers.set(channel, handler);
    record('ipcMain.handle', { channel });
  },
  handleOnce(channel: string, handler: Handler) {
    ipcMain.handle(channel, async (event, ...args) => {
      handlers.delete(channel);
      return handler(event, ...args);
    });
  },
  removeHandler(channel: string) {
    handlers.delete(channel);
  },
  on() {
    throw new Error('Keydesk uses ipcMain.handle only (the stand-in does not model ipcMain.on)');
  },
};

export function registeredChannels(): string[] {
  return [...handlers.keys()];
}

/**
 * `ipcRenderer.invoke` from a page, as Electron delivers it: the arguments and the answer are
 * structured-cloned; a channel without a handler, a throwing handler or an answer that cannot be
 * cloned rejects in the page with Electron's wording.
 */
export async function invokeFromPage(
  sender: StandInWebContents,
  senderFrame: StandInFrame,
  channel: string,
  args: unknown[],
): Promise<unknown> {
  const handler = handlers.get(channel);
  if (!handler) {
    throw new Error(
      `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
    );
  }
  const event = {
    sender,
    senderFrame,
    frameId: senderFrame.routingId,
    processId: sender.id,
  };
  try {
    return structuredClone(await handler(event, ...structuredClone(args)));
  } catch (error) {
    throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
  }
}
