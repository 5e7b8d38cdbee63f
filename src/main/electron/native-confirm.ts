import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { Confirmation } from '../../core/handlers/handler-types';

/**
 * A change the page asked for that replaces a key in the dashboard is confirmed here, in a native
 * dialog of main's own: a compromised page can draw any confirmation it likes, but cannot answer
 * this one. Cancel is the default button, so Enter alone never replaces a key.
 */
export function nativeConfirm(parent: () => BrowserWindow | undefined) {
  return async (question: Confirmation): Promise<boolean> => {
    const options: MessageBoxOptions = {
      type: 'warning',
      title: 'Keydesk',
      message: question.message,
      detail: question.detail,
      buttons: [question.action, 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const window = parent();
    const { response } =
      window && !window.isDestroyed()
        ? await dialog.showMessageBox(window, options)
        : await dialog.showMessageBox(options);
    return response === 0;
  };
}
