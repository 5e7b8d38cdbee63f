import type { Session } from 'electron';
import { refusePermissionCheck, refusePermissionRequest } from './permissions';

/**
 * The app's session: every permission refused, and the CSP header on every response that goes
 * through the network stack (the dev server); `app://` responses carry it from their handler.
 */
export function hardenSession(target: Session, csp: string): void {
  target.setPermissionRequestHandler(refusePermissionRequest);
  target.setPermissionCheckHandler(refusePermissionCheck);
  target.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
    }),
  );
}
