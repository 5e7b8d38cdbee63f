import { Notification } from 'electron';
import { keychainGuidanceFor } from '../../shared/keychain-guidance';
import type { KeydeskErrorShape } from '../../shared/errors';
import type { Services } from '../../core/services';

/** A system notification; nothing when the desktop has no notification service. */
export function notify(title: string, body: string): void {
  if (!Notification.isSupported()) return;
  new Notification({ title, body, silent: true }).show();
}

/**
 * A quick copy that failed, said where the person is looking: the OS keychain's trouble in the
 * banner's own words, anything else (the vault file's lock included) in its own message.
 */
export function notifyFailure(services: Services, error: KeydeskErrorShape): void {
  const guidance = services.keychainBackend === 'os' ? keychainGuidanceFor(error.code) : undefined;
  notify('Keydesk could not copy', guidance ?? error.message);
}
