import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { rendererChannels } from '../../shared/channels';
import type { Invoke } from '../../core/handlers';
import type { CallContext } from '../../core/handlers/handler-types';
import type { SenderFacts } from './sender-check';

export function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  return {
    webContentsId: event.sender.id,
    isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
    frameUrl: event.senderFrame?.url ?? '',
  };
}

/**
 * Registers exactly the renderer's channels: a CLI-only or unknown channel has no handler at all, so
 * Electron refuses it before Keydesk runs anything. A call is answered only when `isTrusted` accepts
 * its sender; the input is validated by `invoke`. `context` is main's own (its native
 * confirmation): nothing of it comes from the page.
 */
export function registerIpc(
  invoke: Invoke,
  isTrusted: (sender: SenderFacts, channel: string) => boolean,
  context: CallContext,
) {
  for (const channel of rendererChannels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrusted(senderFacts(event), channel)) {
        return {
          ok: false,
          error: { code: 'VALIDATION', message: 'Refused: the request did not come from Keydesk.' },
        };
      }
      return invoke(channel, input, context);
    });
  }
}
