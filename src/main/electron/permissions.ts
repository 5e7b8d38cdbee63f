/**
 * Keydesk's pages need no camera, microphone, notifications, geolocation, clipboard-read or any
 * other permission: every request and every check is refused.
 */
export function refusePermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

export function refusePermissionCheck(): boolean {
  return false;
}
