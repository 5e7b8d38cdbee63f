import { KeydeskError } from '../../shared/errors';

/** Where no OS keychain will do: the way to the vault file, said the same for every such case. */
const fileInstead =
  'Or keep the secrets in an encrypted vault file instead (SSH sessions, WSL, containers): set KEYDESK_KEYCHAIN=file, and "keydesk keychain migrate --to file" moves any already stored.';

/**
 * @napi-rs/keyring surfaces Secret Service / Keychain Services / Credential Manager failures as
 * bare messages. Map the ones a user can act on to specific advice; a locked keyring ("unlock
 * prompt was dismissed", "IsLocked") is always reported as locked.
 */
export function classifyKeychainError(error: unknown, what: string): KeydeskError {
  if (error instanceof KeydeskError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const lower = detail.toLowerCase();
  if (
    lower.includes('cannot autolaunch d-bus') ||
    // No session bus at all (SSH, WSL, a container): "Using X11 for dbus-daemon autolaunch was
    // disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead".
    lower.includes('autolaunch') ||
    lower.includes('dbus_session_bus_address') ||
    lower.includes('org.freedesktop.secrets') ||
    lower.includes('serviceunknown') ||
    lower.includes('failed to connect to socket') ||
    lower.includes('failed to connect to address') ||
    lower.includes('could not connect') ||
    lower.includes('no such secret collection')
  ) {
    return new KeydeskError(
      'KEYCHAIN_UNAVAILABLE',
      `No OS keychain is reachable while ${what} (${detail}). On Linux, Keydesk needs a Secret Service ` +
        'such as GNOME Keyring or KWallet running in your desktop session (D-Bus); install and start one, then try again.\n' +
        fileInstead,
    );
  }
  if (
    (lower.includes('does not exist at path') && lower.includes('collection')) ||
    // @napi-rs/keyring when the Secret Service has no default (login) collection at all
    lower.includes('secret service: no result found')
  ) {
    return new KeydeskError(
      'KEYCHAIN_LOCKED',
      `The OS keychain has no unlocked login keyring while ${what} (${detail}). ` +
        'Open your keyring manager (Seahorse, "Passwords and Keys"), create or unlock the "Login" keyring, and try again.\n' +
        fileInstead,
    );
  }
  if (
    lower.includes('locked') ||
    lower.includes('cancel') ||
    lower.includes('dismissed') ||
    lower.includes('user interaction is not allowed') ||
    lower.includes('prompt')
  ) {
    return new KeydeskError(
      'KEYCHAIN_LOCKED',
      `The OS keychain is locked while ${what} (${detail}). Unlock your login keyring and try again.`,
    );
  }
  return new KeydeskError('KEYCHAIN_FAILED', `The OS keychain failed while ${what}: ${detail}`);
}
