import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/contract';
import type { Invoke } from '../handlers';
import type { SenderFacts } from './sender-check';

export function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  return {
    webContentsId: event.sender.id,
    isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
    frameUrl: event.senderFrame?.url ?? '',
  };
}

/**
 * Registers exactly the contract's channels (so an unknown channel has no handler at all). A call
 * is answered only when `isTrusted` accepts its sender; the input is validated by `invoke`.
 */
export function registerIpc(invoke: Invoke, isTrusted: (sender: SenderFacts) => boolean) {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrusted(senderFacts(event))) {
        return {
          ok: false,
          error: { code: 'VALIDATION', message: 'Refused: the request did not come from Keydesk.' },
        };
      }
      return invoke(channel, input);
    });
  }
}
