import { randomUUID } from 'node:crypto';
import { BrowserWindow, session } from 'electron';
import { KeydeskError } from '../../shared/errors';
import { isCallback, readCallback, type Authorizer } from '../../core/oauth/authorizer';
import { refusePermissionCheck, refusePermissionRequest } from './permissions';

/**
 * The provider's authorize page in a window of its own: an in-memory session per login (no
 * "persist:" partition), no preload, sandboxed, only the provider's origin; the callback is caught
 * (will-navigate, will-redirect, and a request filter that cancels it, so it never reaches the
 * network), checked against the request token, and the session is wiped afterwards. Closing the
 * window cancels the login. The title names the provider's origin.
 */
export function createWindowAuthorizer(parent: () => BrowserWindow | undefined): Authorizer {
  return {
    authorize({ authorizeUrl, callbackUrl, requestToken, timeoutMs }) {
      return new Promise<string>((resolve, reject) => {
        const providerOrigin = new URL(authorizeUrl).origin;
        const loginSession = session.fromPartition(`oauth-${randomUUID()}`, { cache: false });
        loginSession.setPermissionRequestHandler(refusePermissionRequest);
        loginSession.setPermissionCheckHandler(refusePermissionCheck);
        const window = new BrowserWindow({
          parent: parent(),
          width: 920,
          height: 720,
          // The user sees whose page this is before typing a password into it.
          title: `Log in with Vonage — ${providerOrigin}`,
          autoHideMenuBar: true,
          webPreferences: {
            session: loginSession,
            sandbox: true,
            contextIsolation: true,
            nodeIntegration: false,
            webSecurity: true,
            webviewTag: false,
          },
        });
        let settled = false;
        const finish = (settle: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          settle();
          if (!window.isDestroyed()) window.destroy();
          void loginSession.clearStorageData();
          void loginSession.clearCache();
        };
        const caught = (url: string) =>
          finish(() => {
            try {
              resolve(readCallback(url, requestToken));
            } catch (error) {
              reject(error);
            }
          });
        const guard = (event: { preventDefault(): void }, url: string) => {
          if (isCallback(url, callbackUrl)) {
            event.preventDefault();
            caught(url);
          } else if (new URL(url).origin !== providerOrigin) {
            event.preventDefault();
          }
        };
        window.webContents.on('will-navigate', guard);
        window.webContents.on('will-redirect', guard);
        window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        loginSession.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
          if (isCallback(details.url, callbackUrl)) {
            callback({ cancel: true });
            caught(details.url);
          } else {
            callback({});
          }
        });
        window.on('closed', () =>
          finish(() =>
            reject(
              new KeydeskError(
                'OAUTH_CANCELLED',
                'The authorize window was closed; nothing was stored.',
              ),
            ),
          ),
        );
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(
                new KeydeskError(
                  'OAUTH_TIMEOUT',
                  'The authorize window was open too long; nothing was stored. Try again.',
                ),
              ),
            ),
          timeoutMs,
        );
        void window.loadURL(authorizeUrl);
      });
    },
  };
}
