import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/contract';
import type { Invoke } from '../handlers';

/**
 * Registers exactly the contract's channels. A call is answered only when it comes from the app's
 * own top frame: anything else (an injected frame, a navigated page) gets a refusal.
 */
export function registerIpc(
  invoke: Invoke,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
) {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'VALIDATION', message: 'Refused: the request did not come from Keydesk.' },
        };
      }
      return invoke(channel, input);
    });
  }
}
