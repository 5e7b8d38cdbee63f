import { isAppUrl } from './url-policy';

/** What the IPC layer knows about a caller, taken from Electron's event in register-ipc. */
export interface SenderFacts {
  webContentsId: number;
  isMainFrame: boolean;
  frameUrl: string;
}

/**
 * Answers only the app's own window, from its top frame, showing the app's own page: an iframe, a
 * navigated page or another window cannot reach the vault.
 */
export function isTrustedSender(
  sender: SenderFacts,
  expected: { webContentsId: number; appUrl: string },
): boolean {
  return (
    sender.webContentsId === expected.webContentsId &&
    sender.isMainFrame &&
    isAppUrl(sender.frameUrl, expected.appUrl)
  );
}
