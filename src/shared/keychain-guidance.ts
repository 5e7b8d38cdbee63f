/**
 * What to do when the keychain cannot be used, by its state: the main window's banner, and the
 * notification a quick copy gives instead (zod-free: the renderer and main both show it).
 */
export const keychainGuidance = {
  unavailable:
    'Keydesk cannot reach the OS keychain, so secrets and keys cannot be read or stored. On Linux, install and start GNOME Keyring or KWallet (a desktop session usually has one), then restart Keydesk.',
  locked:
    'The OS keychain is locked. Unlock your login keyring (your desktop shows a prompt, or run "gnome-keyring-daemon --unlock"), then try again.',
  timeout:
    'The OS keychain did not answer in time; it may be waiting for you to unlock it. Look for an unlock prompt, then try again.',
  failed: 'The OS keychain reported an error. Secrets cannot be read or stored until it works.',
} as const;

/** The guidance for a failure's error code, when it is the keychain's. */
export function keychainGuidanceFor(code: string): string | undefined {
  const states: Record<string, keyof typeof keychainGuidance> = {
    KEYCHAIN_UNAVAILABLE: 'unavailable',
    KEYCHAIN_LOCKED: 'locked',
    KEYCHAIN_TIMEOUT: 'timeout',
    KEYCHAIN_FAILED: 'failed',
  };
  const state = states[code];
  return state ? keychainGuidance[state] : undefined;
}
